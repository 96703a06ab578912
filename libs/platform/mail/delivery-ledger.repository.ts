import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/database';
import type { DeliveryStatus } from './delivery.entity.js';

/** One delivery of the ledger, with the name of the person it went to as the caller's join brought it. */
export interface DeliveryLedgerRow {
  id: string;
  kind: string;
  personId: string | null;
  personName: string | null;
  recipient: string;
  sequence: number | null;
  status: DeliveryStatus;
  attempts: number;
  sentAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * How the caller names a delivery's person within the same statement: mail knows no people, so the feature that
 * does passes its join on the delivery's person id (`d.person_id`, null for none) and the name column it brings.
 */
export interface DeliveryPersonName {
  join: (personId: string) => string;
  name: string;
}

/** Who was sent what, and how it went: the delivery table read for the subject the e-mails were about. */
@Injectable()
export class DeliveryLedger {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Every delivery about the subject (a meeting), in the order they began, then by kind and the person's name. */
  aboutSubject(subjectId: string, person: DeliveryPersonName): Promise<DeliveryLedgerRow[]> {
    return this.unitOfWork.outside.query(
      `SELECT d.id, d.kind, d.person_id AS "personId", ${person.name} AS "personName", d.recipient, d.sequence, d.status, d.attempts,
              d.sent_at AS "sentAt", d.last_error AS "lastError", d.created_at AS "createdAt", d.updated_at AS "updatedAt"
         FROM delivery d ${person.join('d.person_id')}
        WHERE d.subject_id = $1
        ORDER BY d.created_at, d.kind, ${person.name}, d.id`,
      [subjectId],
    );
  }
}
