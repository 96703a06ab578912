import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import type { MailRecipient } from './mail-recipient.repository.js';

/** The directors (direktionen) of each body, who approve what its committees submit. */
@Injectable()
export class DirectorsRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The directors who act for the body, as an e-mail addresses them, by name; a director of other bodies only is not one of them. */
  ofBodyAsRecipients(bodyId: string, tx: Transaction = this.unitOfWork.outside): Promise<MailRecipient[]> {
    return tx.query(
      `SELECT p.id AS "personId", p.name, p.email FROM person p JOIN person_body pb ON pb.person_id = p.id AND pb.body_id = $1
        WHERE 'director' = ANY(p.roles) ORDER BY p.name, p.id`,
      [bodyId],
    );
  }
}
