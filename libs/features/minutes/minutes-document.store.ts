import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ContentAddressedStore } from '@app/storage';

/** The minutes' documents, under STORAGE_DIR/sha256: a sealed document's bytes cannot change under its hash. */
@Injectable()
export class MinutesDocumentStore extends ContentAddressedStore {
  constructor(config: AppConfig) {
    super(config.STORAGE_DIR, 'sha256');
  }
}
