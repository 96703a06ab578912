import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/database';
import type { MailRecipient } from './mail-recipient.repository.js';

/** The directors (direktionen), who approve what the committees submit. */
@Injectable()
export class DirectorsRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Every director as an e-mail addresses them, by name. */
  asRecipients(): Promise<MailRecipient[]> {
    return this.unitOfWork.outside.query(`SELECT id AS "personId", name, email FROM person WHERE 'director' = ANY(roles) ORDER BY name`);
  }
}
