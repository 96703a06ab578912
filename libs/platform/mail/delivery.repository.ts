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

/**
 * The first attempt's record-and-claim, or the claim of a delivery recorded before that waits its turn (recorded
 * `pending` by the transaction deciding it, or `retrying`): either way one statement. A row another worker holds,
 * one whose lease ran out, or one finished, is left to the locking claim (withRecorded), which tells them apart.
 */
const RECORD_AND_CLAIM = preparedStatement(
  'delivery-record-and-claim',
  `WITH inserted AS (
     INSERT INTO delivery (key, kind, recipient, person_id, subject_id, sequence, message_id, outbox_message_id, status, attempts, claimed_until, claimed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $9, 'sending', 1, ${leaseEndSql('$8')}, $10)
     ON CONFLICT (key) DO NOTHING
     RETURNING id, message_id, created_at),
   taken AS (
     UPDATE delivery
        SET status = 'sending', claimed_until = ${leaseEndSql('$8')}, claimed_by = $10, attempts = attempts + 1, recipient = $3,
            outbox_message_id = coalesce($9, outbox_message_id), updated_at = now()
      WHERE key = $1 AND status IN ('pending', 'retrying') AND NOT EXISTS (SELECT 1 FROM inserted)
      RETURNING id, message_id, created_at)
   SELECT * FROM inserted UNION ALL SELECT * FROM taken`,
);

/** Rows the claim's holder ($2) still holds: another worker's claim, or an outcome recorded, leaves them alone. */
const HELD_BY = `id = $1 AND claimed_by = $2 AND status = 'sending'`;

const MARK_SENT_SQL = `UPDATE delivery SET status = 'sent', sent_at = now(), claimed_until = NULL, claimed_by = NULL, next_attempt_at = NULL, last_error = NULL, updated_at = now() WHERE ${HELD_BY}`;
const MARK_SENT = preparedStatement('delivery-mark-sent', `WITH sent AS (${MARK_SENT_SQL} RETURNING id) SELECT count(*)::int AS recorded FROM sent`);
const MARK_SENT_AND_FINISH_JOB = preparedStatement(
  'delivery-mark-sent-and-finish-job',
  // The job's row is finished only with the delivery recorded: a worker that took the claim over runs the job on.
  `WITH sent AS (${MARK_SENT_SQL} RETURNING id),
        finished AS (${finishOutboxRowSql('$3::uuid', `'done'`, '$4::int')} AND EXISTS (SELECT 1 FROM sent) RETURNING id)
   SELECT count(*)::int AS recorded FROM sent`,
);

const RENEW_CLAIMS = preparedStatement(
  'delivery-renew-claims',
  `WITH renewed AS (UPDATE delivery SET claimed_until = ${leaseEndSql('$3')} WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND status = 'sending' RETURNING id)
   SELECT id FROM renewed`,
);

/** The delivery ledger: one row per message to one recipient for one reason and version, claimed before sending. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Records and claims a delivery for `holder`, or claims it waiting its turn, in one statement; null when neither. */
  async recordAndClaim(delivery: NewDelivery, leaseMs: number, holder: string): Promise<ClaimedDelivery | null> {
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
      holder,
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
    decide: (recorded: RecordedDelivery, claim: (recipient: string, leaseMs: number, outboxMessageId: string | null, holder: string) => Promise<void>) => Promise<T>,
  ): Promise<T> {
    return this.unitOfWork.run(async (tx) => {
      const [row]: { id: string; status: DeliveryStatus; message_id: string; created_at: Date; claimed_until: Date | null; lease_held: boolean }[] = await tx.query(
        `SELECT id, status, message_id, created_at, claimed_until, claimed_until > now() AS lease_held FROM delivery WHERE key = $1 FOR UPDATE`,
        [key],
      );
      const recorded = { id: row.id, status: row.status, messageId: row.message_id, createdAt: row.created_at, claimedUntil: row.claimed_until, leaseHeld: row.lease_held };
      return decide(recorded, async (recipient, leaseMs, outboxMessageId, holder) => {
        await tx.query(
          `UPDATE delivery
              SET status = 'sending',
                  claimed_until = ${leaseEndSql('$2')},
                  claimed_by = $5,
                  attempts = attempts + 1,
                  -- An attempt still 'sending' here outlived its lease unfinished: it may have reached the server.
                  possible_resends = possible_resends + (status = 'sending')::int,
                  recipient = $3,
                  outbox_message_id = coalesce($4, outbox_message_id),
                  updated_at = now()
            WHERE id = $1`,
          [row.id, leaseMs, recipient, outboxMessageId, holder],
        );
      });
    });
  }

  /** A delivery waiting for its job (asked for again) that the job will not send: failed, with why. */
  async withdrawPending(key: string, reason: string): Promise<void> {
    await this.unitOfWork.outside.query(`UPDATE delivery SET status = 'failed', last_error = $2, next_attempt_at = NULL, updated_at = now() WHERE key = $1 AND status = 'pending'`, [key, reason]);
  }

  /**
   * `nextAttemptAt`: when the job tries a `retrying` delivery again. False when `holder` no longer held the claim:
   * another worker took the delivery over and records its outcome.
   */
  async markFailed(id: string, holder: string, error: string, status: 'retrying' | 'failed', nextAttemptAt: Date | null): Promise<boolean> {
    const [{ recorded }]: { recorded: number }[] = await this.unitOfWork.outside.query(
      `WITH failed AS (
         UPDATE delivery SET status = $5, last_error = $3, next_attempt_at = $4, claimed_until = NULL, claimed_by = NULL, updated_at = now() WHERE ${HELD_BY} RETURNING id
       ) SELECT count(*)::int AS recorded FROM failed`,
      [id, holder, error, nextAttemptAt, status],
    );
    return recorded === 1;
  }

  /** False when `holder` no longer held the claim (see markFailed). */
  async markSent(id: string, holder: string): Promise<boolean> {
    const [{ recorded }]: { recorded: number }[] = await this.unitOfWork.outside.query(MARK_SENT, [id, holder]);
    return recorded === 1;
  }

  /**
   * Records the delivery sent and finishes the job's outbox row in one statement, so no crash falls between the two.
   * False when `holder` no longer held the claim; the job's row is then left to the run that took it over.
   */
  async markSentFinishingJob(id: string, holder: string, outboxMessageId: string, attempt: number): Promise<boolean> {
    const [{ recorded }]: { recorded: number }[] = await this.unitOfWork.outside.query(MARK_SENT_AND_FINISH_JOB, [id, holder, outboxMessageId, attempt]);
    return recorded === 1;
  }

  /** Extends the leases of the claims `holder` still holds, in one statement; answers the ids it extended. */
  async renewClaims(ids: readonly string[], holder: string, leaseMs: number): Promise<Set<string>> {
    const rows: { id: string }[] = await this.unitOfWork.outside.query(RENEW_CLAIMS, [ids, holder, leaseMs]);
    return new Set(rows.map((row) => row.id));
  }
}
