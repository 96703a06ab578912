import { Injectable } from '@nestjs/common';
import { preparedStatement } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { finishOutboxRowSql } from '@app/outbox';
import type { DeliveryStatus } from './delivery.entity.js';

/** A delivery's row as the first attempt records it. */
export interface NewDelivery {
  key: string;
  kind: string;
  recipient: string;
  personId: string | null;
  subjectId: string | null;
  sequence: number | null;
  messageId: string;
  /** The outbox row of the job sending it, whose job is run again when someone asks for the delivery again. */
  outboxMessageId: string | null;
}

/** A delivery recorded before its first attempt, by the transaction that decides it goes out. */
export type IntendedDelivery = Omit<NewDelivery, 'outboxMessageId'>;

/** A delivery this attempt holds the lease of: the Message-ID and Date it is sent under, the same on every attempt. */
export interface ClaimedDelivery {
  id: string;
  messageId: string;
  createdAt: Date;
}

/** A delivery recorded by an earlier attempt, locked for this one to decide whether to take it. */
export interface RecordedDelivery extends ClaimedDelivery {
  status: DeliveryStatus;
  claimedUntil: Date | null;
  leaseHeld: boolean;
}

/**
 * The delivery table for statements of other features that must stay one statement (an e-mail round's
 * recipients); the arguments are SQL expressions of the composing statement.
 */
export const DeliverySql = {
  /** Rows (person_id) of everyone sent an e-mail of one of `kinds` (an SQL text array) about the subject. */
  sentAbout: (subject: string, kinds: string): string =>
    `(SELECT DISTINCT d.person_id FROM delivery d WHERE d.subject_id = ${subject} AND d.kind = ANY(${kinds}) AND d.status = 'sent' AND d.person_id IS NOT NULL)`,
  /** Whether the person was sent an e-mail of one of `kinds` (an SQL text array) about the subject. */
  sentTo: (person: string, subject: string, kinds: string): string =>
    `EXISTS (SELECT 1 FROM delivery d WHERE d.person_id = ${person} AND d.subject_id = ${subject} AND d.kind = ANY(${kinds}) AND d.status = 'sent')`,
};

/** When a claim made now with a lease of `leaseMs` (an SQL parameter, in milliseconds) runs out. */
const leaseEndSql = (leaseMs: string) => `now() + ${leaseMs}::double precision * interval '1 millisecond'`;

const RECORD_AND_CLAIM = preparedStatement(
  'delivery-record-and-claim',
  `INSERT INTO delivery (key, kind, recipient, person_id, subject_id, sequence, message_id, outbox_message_id, status, attempts, claimed_until)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $9, 'sending', 1, ${leaseEndSql('$8')})
   ON CONFLICT (key) DO NOTHING
   RETURNING id, message_id, created_at`,
);

const MARK_SENT_SQL = `UPDATE delivery SET status = 'sent', sent_at = now(), claimed_until = NULL, next_attempt_at = NULL, last_error = NULL, updated_at = now() WHERE id = $1 AND status <> 'sent'`;
const MARK_SENT = preparedStatement('delivery-mark-sent', MARK_SENT_SQL);
const MARK_SENT_AND_FINISH_JOB = preparedStatement(
  'delivery-mark-sent-and-finish-job',
  `WITH sent AS (${MARK_SENT_SQL} RETURNING id) ${finishOutboxRowSql('$2::uuid', `'done'`, '$3::int')}`,
);

/** The delivery ledger: one row per message to one recipient for one reason and version, claimed before sending. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Records and claims a delivery in one statement; null when it was recorded before. */
  async recordAndClaim(delivery: NewDelivery, leaseMs: number): Promise<ClaimedDelivery | null> {
    const [row]: { id: string; message_id: string; created_at: Date }[] = await this.unitOfWork.outside.query(RECORD_AND_CLAIM, [
      delivery.key,
      delivery.kind,
      delivery.recipient,
      delivery.personId,
      delivery.subjectId,
      delivery.sequence,
      delivery.messageId,
      leaseMs,
      delivery.outboxMessageId,
    ]);
    return row ? { id: row.id, messageId: row.message_id, createdAt: row.created_at } : null;
  }

  /**
   * Records deliveries `pending` in the caller's transaction, one statement for all, before any is tried: each
   * intended recipient is on the ledger even while another's e-mail fails. Ones recorded before stay as they are,
   * but for one withdrawn before it was ever tried (its reason had gone): decided anew, it is pending again.
   */
  async recordIntended(tx: Transaction, deliveries: readonly IntendedDelivery[]): Promise<void> {
    if (!deliveries.length) return;
    const column = <K extends keyof IntendedDelivery>(name: K) => deliveries.map((delivery) => delivery[name]);
    await tx.query(
      `INSERT INTO delivery (key, kind, recipient, person_id, subject_id, sequence, message_id, status, attempts)
       SELECT key, kind, recipient, person_id, subject_id, sequence, message_id, 'pending', 0
         FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::int[], $7::text[])
           AS t(key, kind, recipient, person_id, subject_id, sequence, message_id)
       ON CONFLICT (key) DO UPDATE SET status = 'pending', recipient = EXCLUDED.recipient, last_error = NULL, updated_at = now()
        WHERE delivery.status = 'failed' AND delivery.attempts = 0`,
      [column('key'), column('kind'), column('recipient'), column('personId'), column('subjectId'), column('sequence'), column('messageId')],
    );
  }

  /**
   * Locks the delivery recorded under the key and hands it to `decide`, which may take it with `claim`; the row
   * lock makes two workers' claims take turns, and the second finds it taken.
   */
  withRecorded<T>(
    key: string,
    decide: (recorded: RecordedDelivery, claim: (recipient: string, leaseMs: number, outboxMessageId: string | null) => Promise<void>) => Promise<T>,
  ): Promise<T> {
    return this.unitOfWork.run(async (tx) => {
      const [row]: { id: string; status: DeliveryStatus; message_id: string; created_at: Date; claimed_until: Date | null; lease_held: boolean }[] = await tx.query(
        `SELECT id, status, message_id, created_at, claimed_until, claimed_until > now() AS lease_held FROM delivery WHERE key = $1 FOR UPDATE`,
        [key],
      );
      const recorded = { id: row.id, status: row.status, messageId: row.message_id, createdAt: row.created_at, claimedUntil: row.claimed_until, leaseHeld: row.lease_held };
      return decide(recorded, async (recipient, leaseMs, outboxMessageId) => {
        await tx.query(
          `UPDATE delivery
              SET status = 'sending',
                  claimed_until = ${leaseEndSql('$2')},
                  attempts = attempts + 1,
                  -- An attempt still 'sending' here outlived its lease unfinished: it may have reached the server.
                  possible_resends = possible_resends + (status = 'sending')::int,
                  recipient = $3,
                  outbox_message_id = coalesce($4, outbox_message_id),
                  updated_at = now()
            WHERE id = $1`,
          [row.id, leaseMs, recipient, outboxMessageId],
        );
      });
    });
  }

  /** A delivery waiting for its job (asked for again) that the job will not send: failed, with why. */
  async withdrawPending(key: string, reason: string): Promise<void> {
    await this.unitOfWork.outside.query(`UPDATE delivery SET status = 'failed', last_error = $2, next_attempt_at = NULL, updated_at = now() WHERE key = $1 AND status = 'pending'`, [key, reason]);
  }

  /** `nextAttemptAt`: when the job tries a `retrying` delivery again. */
  async markFailed(id: string, error: string, status: 'retrying' | 'failed', nextAttemptAt: Date | null): Promise<void> {
    await this.unitOfWork.outside.query(
      `UPDATE delivery SET status = $3, last_error = $2, next_attempt_at = $4, claimed_until = NULL, updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id, error, status, nextAttemptAt],
    );
  }

  async markSent(id: string): Promise<void> {
    await this.unitOfWork.outside.query(MARK_SENT, [id]);
  }

  /** Records the delivery sent and finishes the job's outbox row in one statement, so no crash falls between the two. */
  async markSentFinishingJob(id: string, outboxMessageId: string, attempt: number): Promise<void> {
    await this.unitOfWork.outside.query(MARK_SENT_AND_FINISH_JOB, [id, outboxMessageId, attempt]);
  }
}
