import { Injectable } from '@nestjs/common';
import { keysetSql, type ListOrder, type PagePosition, type Positioned, positionalParameter } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
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
  /** Attempts begun while an earlier one's outcome was unknown: how many times the server may have received it more than once. */
  possibleResends: number;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The sums over a subject's deliveries. */
export interface DeliveryTotals {
  deliveries: number;
  sent: number;
  failed: number;
  attempts: number;
  /** How many times, over all of them, the mail server may have received an e-mail more than once. */
  possibleResends: number;
}

/**
 * How the caller names a delivery's person within the same statement: mail knows no people, so the feature that
 * does passes its join on the delivery's person id (`d.person_id`, null for none) and the name column it brings.
 */
export interface DeliveryPersonName {
  join: (personId: string) => string;
  name: string;
}

const ledgerColumns = (person: DeliveryPersonName) =>
  `d.id, d.kind, d.person_id AS "personId", ${person.name} AS "personName", d.recipient, d.sequence, d.status, d.attempts, d.possible_resends AS "possibleResends",
   d.sent_at AS "sentAt", d.next_attempt_at AS "nextAttemptAt", d.last_error AS "lastError", d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

/** Who was sent what, and how it went: the delivery table read for the subject the e-mails were about. */
@Injectable()
export class DeliveryLedger {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * A page of the deliveries about the subject (a meeting), in the order they began, then by kind and the person's
   * name: the e-mails of one fan-out share their instant.
   */
  aboutSubject(subjectId: string, person: DeliveryPersonName, page: { after: PagePosition | null; limit: number }): Promise<Positioned<DeliveryLedgerRow>[]> {
    const order: ListOrder = { keys: [['d.created_at', 'timestamptz'], ['d.kind', 'text'], [`coalesce(${person.name}, '')`, 'text'], ['d.id', 'uuid']] };
    const parameters: unknown[] = [subjectId];
    const keyset = keysetSql(order, page, positionalParameter(parameters));
    return this.unitOfWork.outside.query(
      `SELECT ${ledgerColumns(person)}, ${keyset.position} AS "pagePosition"
         FROM delivery d ${person.join('d.person_id')}
        WHERE d.subject_id = $1 ${keyset.after ? `AND ${keyset.after}` : ''}
        ORDER BY ${keyset.orderBy} LIMIT ${keyset.limit}`,
      parameters,
    );
  }

  /** How the subject's deliveries went, all of them rather than a page: how many, sent, failed, and their possible resends. */
  async totalsAboutSubject(subjectId: string): Promise<DeliveryTotals> {
    const [totals]: DeliveryTotals[] = await this.unitOfWork.outside.query(
      `SELECT count(*)::int AS deliveries, (count(*) FILTER (WHERE status = 'sent'))::int AS sent, (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
              coalesce(sum(attempts), 0)::int AS attempts, coalesce(sum(possible_resends), 0)::int AS "possibleResends"
         FROM delivery WHERE subject_id = $1`,
      [subjectId],
    );
    return totals;
  }

  async delivery(id: string, person: DeliveryPersonName): Promise<DeliveryLedgerRow | null> {
    const [row] = await this.unitOfWork.outside.query(`SELECT ${ledgerColumns(person)} FROM delivery d ${person.join('d.person_id')} WHERE d.id = $1`, [id]);
    return row ?? null;
  }

  /** What it takes to decide on sending a delivery again: what it is about, how it went, the job that sends it. */
  async resendable(id: string): Promise<{ subjectId: string | null; status: DeliveryStatus; outboxMessageId: string | null } | null> {
    const [row] = await this.unitOfWork.outside.query(`SELECT subject_id AS "subjectId", status, outbox_message_id AS "outboxMessageId" FROM delivery WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** A failed delivery made pending again, for its job to take; false when it was not failed (any more). */
  async reopenFailed(tx: Transaction, id: string): Promise<boolean> {
    const [{ reopened }]: { reopened: number }[] = await tx.query(
      `WITH reopened AS (UPDATE delivery SET status = 'pending', next_attempt_at = NULL, updated_at = now() WHERE id = $1 AND status = 'failed' RETURNING id)
       SELECT count(*)::int AS reopened FROM reopened`,
      [id],
    );
    return reopened === 1;
  }
}
