import { open } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ContentAddressedStore, type ReceivedContent } from '@app/storage';

export type { ReceivedContent } from '@app/storage';

/** The files behind Bilag, under STORAGE_DIR/attachments: the same bytes are stored once however many items carry them. */
@Injectable()
export class AttachmentContentStore extends ContentAddressedStore {
  constructor(config: AppConfig) {
    super(config.STORAGE_DIR, 'attachments');
  }

  /** The first bytes of received content, not yet placed, for checking what it is. */
  async head(received: ReceivedContent, bytes: number): Promise<Buffer> {
    const file = await open(received.tempPath, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await file.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
}
