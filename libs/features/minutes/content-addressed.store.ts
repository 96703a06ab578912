import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Files under STORAGE_DIR named by the sha256 of their bytes: a name always means the same bytes, storing the same
 * bytes twice keeps one file, and a file is never rewritten, so a sealed document's bytes cannot change under it.
 */
@Injectable()
export class ContentAddressedStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.STORAGE_DIR, 'sha256');
  }

  /** Stores the bytes and answers their sha256; written to a temporary name and renamed, so a reader never sees half a file. */
  async put(content: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(content);
    const path = this.pathOf(sha256);
    if (!(await this.exists(path))) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, content, { flag: 'wx' });
        await rename(temporary, path);
      } finally {
        await rm(temporary, { force: true });
      }
    }
    return { sha256, size: content.length };
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  private async exists(path: string): Promise<boolean> {
    return stat(path).then(
      () => true,
      () => false,
    );
  }
}
