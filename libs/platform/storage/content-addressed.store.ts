import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** What is known of stored bytes: sha256 names the file, sha512 is the checksum open data (OParl) publishes. */
export interface StoredContent {
  sha256: string;
  sha512: string;
  size: number;
}

/** Bytes written to a temporary file in the store, not yet in their place. */
export interface ReceivedContent extends StoredContent {
  tempPath: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where a store's folder keeps the bytes of a sha256: the one layout, for the stores and for migrations reading them. */
export function storedFilePath(storageDir: string, folder: string, sha256: string): string {
  // A path is only ever built from a hash, never from anything a client named.
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a sha256 hex digest: ${sha256}`);
  return join(resolve(storageDir, folder), sha256.slice(0, 2), sha256);
}

export function sha512Hex(content: Buffer | string): string {
  return createHash('sha512').update(content).digest('hex');
}

/**
 * Files under a folder of STORAGE_DIR named by the sha256 of their bytes: a name always means the same bytes,
 * storing the same bytes twice keeps one file, and readers never see a half-written file under a hash, as bytes
 * are written to a temporary name first and renamed into place. Each kind of content keeps the folder it has
 * always had (a subclass names it), so files stored before stay where they are found.
 */
export abstract class ContentAddressedStore {
  private readonly root: string;

  protected constructor(
    private readonly storageDir: string,
    private readonly folder: string,
  ) {
    this.root = resolve(storageDir, folder);
  }

  /** Stores the bytes and answers their hashes; bytes stored before are not written again, so they never change. */
  async put(content: Buffer): Promise<StoredContent> {
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
    return { sha256, sha512: sha512Hex(content), size: content.length };
  }

  /**
   * Writes the stream to a temporary file inside the store, hashing (both hashes in the one pass) and counting it
   * on the way, so that placing it afterwards is a rename on the same file system.
   */
  async receive(stream: Readable): Promise<ReceivedContent> {
    const incoming = join(this.root, 'incoming');
    await mkdir(incoming, { recursive: true });
    const tempPath = join(incoming, randomUUID());
    const hash = createHash('sha256');
    const hash512 = createHash('sha512');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        hash512.update(chunk);
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
    return { tempPath, sha256: hash.digest('hex'), sha512: hash512.digest('hex'), size };
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

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
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
    return storedFilePath(this.storageDir, this.folder, sha256);
  }

  private async exists(path: string): Promise<boolean> {
    return stat(path).then(
      () => true,
      () => false,
    );
  }
}
