import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ContentAddressedStore } from '@app/storage';

/** The agendas' PDFs, under STORAGE_DIR/agendas: an unchanged agenda rendered again is the same file. */
@Injectable()
export class AgendaDocumentStore extends ContentAddressedStore {
  constructor(config: AppConfig) {
    super(config.STORAGE_DIR, 'agendas');
  }
}
