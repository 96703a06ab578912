import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ContentAddressedStore } from '@app/storage';

export type { ReceivedContent } from '@app/storage';

/** The files behind Bilag, under STORAGE_DIR/attachments: the same bytes are stored once however many items carry them. */
@Injectable()
export class AttachmentContentStore extends ContentAddressedStore {
  constructor(config: AppConfig) {
    super(config.STORAGE_DIR, 'attachments');
  }
}
