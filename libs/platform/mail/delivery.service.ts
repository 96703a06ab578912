import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { type JobContext, type JobResult, RetryLaterError } from '@app/outbox';
import { deliveryMessageId, messageIdDomain } from './delivery-message-id.js';
import { type ClaimedDelivery, DeliveryRepository } from './delivery.repository.js';
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

type Claim = ({ state: 'claimed' } & ClaimedDelivery) | { state: 'sent' } | { state: 'held'; until: Date };

/** Sends each delivery once, however often the job behind it runs (habit 5). */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('DeliveryService');
  private readonly messageIdDomain: string;
  private readonly leaseMs: number;

  constructor(
    private readonly ledger: DeliveryRepository,
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
      await this.ledger.markFailed(claim.id, ((error as Error).message ?? String(error)).slice(0, MAX_ERROR_LENGTH), final ? 'failed' : 'retrying');
      throw error;
    }
    // This is the window habit 5 speaks of: a crash right here sends again (same Message-ID) after the lease.
    if (finishing) await this.ledger.markSentFinishingJob(claim.id, finishing.outboxMessageId, finishing.attempt);
    else await this.ledger.markSent(claim.id);
    return 'sent';
  }

  /** The first attempt of a delivery records and claims it in one statement; null when it was recorded before. */
  private async claimNew(request: DeliveryRequest): Promise<Claim | null> {
    const claimed = await this.ledger.recordAndClaim(
      {
        key: request.key,
        kind: request.kind,
        recipient: request.recipient,
        personId: request.personId ?? null,
        subjectId: request.subjectId ?? null,
        sequence: request.sequence ?? null,
        messageId: deliveryMessageId(request.key, this.messageIdDomain),
      },
      this.leaseMs,
    );
    return claimed ? { state: 'claimed', ...claimed } : null;
  }

  /**
   * Takes a delivery recorded before when it is pending, retrying, failed, or held under a lease that ran out (its
   * worker died); the row lock makes two workers' claims take turns, and the second finds it taken.
   */
  private claim(request: DeliveryRequest): Promise<Claim> {
    return this.ledger.withRecorded(request.key, async (recorded, take): Promise<Claim> => {
      if (recorded.status === 'sent') return { state: 'sent' };
      if (recorded.status === 'sending' && recorded.leaseHeld) return { state: 'held', until: recorded.claimedUntil as Date };
      if (recorded.status === 'sending') {
        this.logger.warn(`Delivery ${request.key}: an earlier attempt outlived its lease; sending again under the same Message-ID (a possible resend)`);
      }
      await take(request.recipient, this.leaseMs);
      return { state: 'claimed', id: recorded.id, messageId: recorded.messageId, createdAt: recorded.createdAt };
    });
  }
}
