import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

/** Bytes written to a temporary file in the store, not yet in their place. */
export interface ReceivedContent {
  tempPath: string;
  sha256: string;
  size: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The files behind Bilag, content-addressed under STORAGE_DIR/attachments by their sha256: the same bytes are
 * stored once however many items carry them, and the API and the worker find a file from its row alone.
 */
@Injectable()
export class AttachmentContentStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.STORAGE_DIR, 'attachments');
  }

  /**
   * Writes the stream to a temporary file inside the store, hashing and counting it on the way, so that placing
   * it afterwards is a rename on the same file system: readers never see a half-written file under a hash.
   */
  async receive(stream: Readable): Promise<ReceivedContent> {
    const incoming = join(this.root, 'incoming');
    await mkdir(incoming, { recursive: true });
    const tempPath = join(incoming, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, measure, createWriteStream(tempPath, { flags: 'wx', flush: true }));
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, sha256: hash.digest('hex'), size };
  }

  /** Moves received bytes to their place under their hash; when the same bytes are there already, they stay one file. */
  async place(received: ReceivedContent): Promise<void> {
    const target = this.pathOf(received.sha256);
    await mkdir(dirname(target), { recursive: true });
    await rename(received.tempPath, target);
  }

  async discard(received: ReceivedContent): Promise<void> {
    await rm(received.tempPath, { force: true });
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** The content for reading, or null when no file holds it (it was deleted meanwhile). */
  async open(sha256: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private pathOf(sha256: string): string {
    // A path is only ever built from a hash, never from anything a client named.
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a sha256 hex digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}
