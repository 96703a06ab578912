import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { preparedStatement } from '@app/core';
import { finishOutboxRowSql, type JobContext, type JobResult, RetryLaterError } from '@app/outbox';
import { deliveryMessageId, messageIdDomain } from './delivery-message-id.js';
import { type CalendarPart, MailTransport } from './mail-transport.service.js';

const MAX_ERROR_LENGTH = 2_000;

export interface MailContent {
  subject: string;
  text: string;
  html?: string;
  calendar?: CalendarPart;
}

export interface DeliveryRequest {
  /** One message to one recipient for one reason and version, e.g. `welcome:<personId>`. */
  key: string;
  kind: string;
  recipient: string;
  personId?: string | null;
  subjectId?: string | null;
  /** The SEQUENCE of the calendar invitation the message carries. */
  sequence?: number | null;
  message: MailContent;
}

export type DeliveryOutcome = 'sent' | 'already-sent';

/**
 * Another worker holds the delivery's lease. It is not skipped as done: that worker may have died before
 * sending, and only after its lease ends can anyone tell. The job comes back when the lease ends.
 */
export class DeliveryInProgressError extends RetryLaterError {}

type Claim = { state: 'claimed'; id: string; messageId: string; createdAt: Date } | { state: 'sent' } | { state: 'held'; until: Date };

/** When a claim made now with a lease of `leaseMs` (an SQL parameter, in milliseconds) runs out. */
const leaseEndSql = (leaseMs: string) => `now() + ${leaseMs}::double precision * interval '1 millisecond'`;

const RECORD_AND_CLAIM = preparedStatement(
  'delivery-record-and-claim',
  `INSERT INTO delivery (key, kind, recipient, person_id, subject_id, sequence, message_id, status, attempts, claimed_until)
   VALUES ($1, $2, $3, $4, $5, $6, $7, 'sending', 1, ${leaseEndSql('$8')})
   ON CONFLICT (key) DO NOTHING
   RETURNING id, message_id, created_at`,
);

const MARK_SENT_SQL = `UPDATE delivery SET status = 'sent', sent_at = now(), claimed_until = NULL, last_error = NULL, updated_at = now() WHERE id = $1 AND status <> 'sent'`;
const MARK_SENT = preparedStatement('delivery-mark-sent', MARK_SENT_SQL);
const MARK_SENT_AND_FINISH_JOB = preparedStatement(
  'delivery-mark-sent-and-finish-job',
  `WITH sent AS (${MARK_SENT_SQL} RETURNING id) ${finishOutboxRowSql('$2::uuid', `'done'`, '$3::int')}`,
);

/** Sends each delivery once, however often the job behind it runs (habit 5). */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('DeliveryService');
  private readonly messageIdDomain: string;
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    config: AppConfig,
  ) {
    this.messageIdDomain = messageIdDomain(config.MAIL_FROM, config.PUBLIC_BASE_URL);
    this.leaseMs = config.DELIVERY_LEASE_MS;
  }

  /**
   * Records the delivery under its key, claims it, sends, and records the result. Already sent: does nothing.
   * A failed send is recorded and rethrown, so the job's retries try again; given the job's context, the delivery
   * shows `retrying` until its last attempt has failed and `failed` after.
   */
  async sendOnce(request: DeliveryRequest, job?: Pick<JobContext, 'attempt' | 'maxAttempts'>): Promise<DeliveryOutcome> {
    return this.send(request, job, null);
  }

  /**
   * For a job that is one e-mail: sends it once, and records it sent and the job done in one statement, so no crash
   * can fall between the two. Return its result from the handler.
   */
  async sendAsTheJob(request: DeliveryRequest, job: JobContext): Promise<JobResult> {
    return (await this.send(request, job, job)) === 'sent' ? { finishedOutboxRow: true } : undefined;
  }

  /** `finishing`: the job whose outbox row the statement recording the e-mail sent also finishes. */
  private async send(request: DeliveryRequest, job: Pick<JobContext, 'attempt' | 'maxAttempts'> | undefined, finishing: JobContext | null): Promise<DeliveryOutcome> {
    const claim = (await this.claimNew(request)) ?? (await this.claim(request));
    if (claim.state === 'sent') return 'already-sent';
    if (claim.state === 'held') {
      throw new DeliveryInProgressError(`Delivery ${request.key} is being sent by another worker until ${claim.until.toISOString()}`, claim.until);
    }

    try {
      await this.transport.send({ to: request.recipient, ...request.message, messageId: claim.messageId, date: claim.createdAt });
    } catch (error) {
      const final = !job || job.attempt >= job.maxAttempts;
      await this.dataSource.query(
        `UPDATE delivery SET status = $3, last_error = $2, claimed_until = NULL, updated_at = now() WHERE id = $1 AND status = 'sending'`,
        [claim.id, ((error as Error).message ?? String(error)).slice(0, MAX_ERROR_LENGTH), final ? 'failed' : 'retrying'],
      );
      throw error;
    }
    // This is the window habit 5 speaks of: a crash right here sends again (same Message-ID) after the lease.
    if (finishing) await this.dataSource.query(MARK_SENT_AND_FINISH_JOB, [claim.id, finishing.outboxMessageId, finishing.attempt]);
    else await this.dataSource.query(MARK_SENT, [claim.id]);
    return 'sent';
  }

  /** The first attempt of a delivery records and claims it in one statement; null when it was recorded before. */
  private async claimNew(request: DeliveryRequest): Promise<Claim | null> {
    const [row]: { id: string; message_id: string; created_at: Date }[] = await this.dataSource.query(RECORD_AND_CLAIM, [
      request.key,
      request.kind,
      request.recipient,
      request.personId ?? null,
      request.subjectId ?? null,
      request.sequence ?? null,
      deliveryMessageId(request.key, this.messageIdDomain),
      this.leaseMs,
    ]);
    return row ? { state: 'claimed', id: row.id, messageId: row.message_id, createdAt: row.created_at } : null;
  }

  /**
   * Takes a delivery recorded before when it is pending, retrying, failed, or held under a lease that ran out (its
   * worker died); the row lock makes two workers' claims take turns, and the second finds it taken.
   */
  private claim(request: DeliveryRequest): Promise<Claim> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { id: string; status: string; message_id: string; created_at: Date; claimed_until: Date | null; lease_held: boolean }[] = await manager.query(
        `SELECT id, status, message_id, created_at, claimed_until, claimed_until > now() AS lease_held FROM delivery WHERE key = $1 FOR UPDATE`,
        [request.key],
      );
      if (row.status === 'sent') return { state: 'sent' };
      if (row.status === 'sending' && row.lease_held) return { state: 'held', until: row.claimed_until as Date };
      if (row.status === 'sending') {
        this.logger.warn(`Delivery ${request.key}: an earlier attempt outlived its lease; sending again under the same Message-ID (a possible resend)`);
      }
      await manager.query(
        `UPDATE delivery
            SET status = 'sending',
                claimed_until = ${leaseEndSql('$2')},
                attempts = attempts + 1,
                recipient = $3,
                updated_at = now()
          WHERE id = $1`,
        [row.id, this.leaseMs, request.recipient],
      );
      return { state: 'claimed', id: row.id, messageId: row.message_id, createdAt: row.created_at };
    });
  }
}
