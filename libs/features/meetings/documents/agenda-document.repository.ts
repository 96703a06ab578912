import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/database';
import type { MinutesVariant } from '@app/domain';
import { AgendaDocument } from './agenda-document.entity.js';

/** The agenda_document table: each meeting's agenda PDF per variant, with the agenda it was rendered from. */
@Injectable()
export class AgendaDocumentRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(meetingId: string, variant: MinutesVariant): Promise<AgendaDocument | null> {
    return this.unitOfWork.outside.findOneBy(AgendaDocument, { meetingId, variant });
  }

  /** The variant's PDF replaced by a newer build's. */
  async save(document: AgendaDocument): Promise<void> {
    await this.unitOfWork.outside.upsert(AgendaDocument, document, ['meetingId', 'variant']);
  }
}
