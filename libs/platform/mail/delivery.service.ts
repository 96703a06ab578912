import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { isDatabaseUnavailable } from '@app/core';
import { UnrecoverableError } from 'bullmq';
import { type JobContext, type JobResult, RetryLaterError, TransientFailureError } from '@app/outbox';
import { type DeliveryAddressed, DeliveryIntents } from './delivery-intents.js';
import { type ClaimedDelivery, DeliveryRepository } from './delivery.repository.js';
import { type CalendarPart, MailTransport } from './mail-transport.service.js';

const MAX_ERROR_LENGTH = 2_000;

export interface MailContent {
  subject: string;
  text: string;
  html?: string;
  calendar?: CalendarPart;
}

/** One message to one recipient for one reason and version. */
export interface DeliveryRequest extends DeliveryAddressed {
  message: MailContent;
}

/** `refused`: the mail server refused the recipient or message for good (5xx) before; recorded failed, not retried. */
type DeliveryOutcome = 'sent' | 'already-sent' | 'refused';

/** The mail server refused the recipient or message for good; the job that is this one e-mail ends failed with it. */
export class DeliveryRefusedError extends UnrecoverableError {
  constructor(reason: string) {
    super(reason);
    this.name = 'DeliveryRefusedError';
  }
}

/** A reply of 5xx is the server's final word on this recipient or message; anything else may pass (4xx, no connection). */
function isPermanentRefusal(error: unknown): boolean {
  const responseCode = (error as { responseCode?: unknown })?.responseCode;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/**
 * Another worker holds the delivery's lease. It is not skipped as done: that worker may have died before
 * sending, and only after its lease ends can anyone tell. The job comes back when the lease ends.
 */
export class DeliveryInProgressError extends RetryLaterError {}

/** What a delivery needs of the job sending it: its row (kept on the delivery, for sending it again) and retry time. */
export type DeliveryJob = Pick<JobContext, 'outboxMessageId' | 'attempt' | 'maxAttempts' | 'transientRetryAt'>;

type Claim = ({ state: 'claimed' } & ClaimedDelivery) | { state: 'sent' } | { state: 'refused' } | { state: 'held'; until: Date };

/** Sends each delivery once, however often the job behind it runs (habit 5). */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('DeliveryService');
  private readonly leaseMs: number;

  constructor(
    private readonly ledger: DeliveryRepository,
    private readonly intents: DeliveryIntents,
    private readonly transport: MailTransport,
    config: AppConfig,
  ) {
    this.leaseMs = config.DELIVERY_LEASE_MS;
  }

  /**
   * For a job that is one e-mail: sends it once, and records it sent and the job done in one statement, so no crash
   * can fall between the two. Return its result from the handler.
   */
  async sendAsTheJob(request: DeliveryRequest, job: JobContext): Promise<JobResult> {
    // The job is this one e-mail: a refusal for good (DeliveryRefusedError) ends it failed, with the server's reply.
    const outcome = await this.send(request, job, job);
    if (outcome === 'refused') return { dropped: `the delivery ${request.key} failed for good earlier; only asking for it again sends it` };
    return outcome === 'sent' ? { finishedOutboxRow: true } : undefined;
  }

  /**
   * For a job that finds its e-mail no longer to be sent (what it was about has moved on): a delivery of it waiting
   * to be sent again ends failed with the reason, rather than waiting for ever. Return the result from the handler.
   */
  async withdraw(key: string, reason: string): Promise<JobResult> {
    await this.ledger.withdrawPending(key, `Not sent: ${reason}`.slice(0, MAX_ERROR_LENGTH));
    return { dropped: reason };
  }

  /** `finishing`: the job whose outbox row the statement recording the e-mail sent also finishes. */
  private async send(request: DeliveryRequest, job: DeliveryJob | undefined, finishing: JobContext | null): Promise<DeliveryOutcome> {
    const claim = (await this.claimNew(request, job)) ?? (await this.claim(request, job));
    if (claim.state === 'sent') return 'already-sent';
    if (claim.state === 'refused') return 'refused';
    if (claim.state === 'held') {
      throw new DeliveryInProgressError(`Delivery ${request.key} is being sent by another worker until ${claim.until.toISOString()}`, claim.until);
    }

    try {
      await this.transport.send({ to: request.recipient, ...request.message, messageId: claim.messageId, date: claim.createdAt });
    } catch (error) {
      const reason = ((error as Error).message ?? String(error)).slice(0, MAX_ERROR_LENGTH);
      if (isPermanentRefusal(error)) {
        this.logger.warn(`Delivery ${request.key} refused for good: ${reason}`);
        await this.ledger.markFailed(claim.id, reason, 'failed', null);
        throw new DeliveryRefusedError(reason);
      }
      const retryAt = job?.transientRetryAt ?? null;
      await this.ledger.markFailed(claim.id, reason, retryAt ? 'retrying' : 'failed', retryAt);
      // Past the retry window (no retryAt) the job ends failed on it: the processor makes a passing failure final then.
      throw new TransientFailureError(reason);
    }
    // This is the window habit 5 speaks of: a crash right here sends again (same Message-ID) after the lease.
    await this.recordSent(request.key, () =>
      finishing ? this.ledger.markSentFinishingJob(claim.id, finishing.outboxMessageId, finishing.attempt) : this.ledger.markSent(claim.id),
    );
    return 'sent';
  }

  /**
   * The message is out: recording that must not be lost, or the delivery would be sent again once its lease ran out.
   * So it is tried again, with growing pauses, whatever the failure (a database away for a moment, a pooled connection
   * the server ended, a statement refused), for half the lease, within which no other worker takes the delivery; only
   * a longer failure leaves the resend to the lease.
   */
  private async recordSent(key: string, record: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + this.leaseMs / 2;
    for (let pauseMs = 100; ; pauseMs = Math.min(pauseMs * 2, 5_000)) {
      try {
        return await record();
      } catch (error) {
        if (Date.now() + pauseMs > deadline) throw error;
        const cause = isDatabaseUnavailable(error) ? 'the database is unreachable' : `recording it failed (${(error as Error).message ?? error})`;
        this.logger.warn(`Delivery ${key} was sent, but ${cause}; trying again in ${pauseMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }
  }

  /** The first attempt of a delivery records and claims it in one statement; null when it was recorded before. */
  private async claimNew(request: DeliveryRequest, job: DeliveryJob | undefined): Promise<Claim | null> {
    const claimed = await this.ledger.recordAndClaim(
      { ...this.intents.row(request), outboxMessageId: job?.outboxMessageId ?? null },
      this.leaseMs,
    );
    return claimed ? { state: 'claimed', ...claimed } : null;
  }

  /**
   * Takes a delivery recorded before when it is pending, retrying, or held under a lease that ran out (its worker
   * died); a failed one stays failed until someone asks for it again. The row lock makes two workers' claims take
   * turns, and the second finds it taken.
   */
  private claim(request: DeliveryRequest, job: DeliveryJob | undefined): Promise<Claim> {
    return this.ledger.withRecorded(request.key, async (recorded, take): Promise<Claim> => {
      if (recorded.status === 'sent') return { state: 'sent' };
      if (recorded.status === 'failed') return { state: 'refused' };
      if (recorded.status === 'sending' && recorded.leaseHeld) return { state: 'held', until: recorded.claimedUntil as Date };
      if (recorded.status === 'sending') {
        this.logger.warn(`Delivery ${request.key}: an earlier attempt outlived its lease; sending again under the same Message-ID (counted as a possible resend)`);
      }
      await take(request.recipient, this.leaseMs, job?.outboxMessageId ?? null);
      return { state: 'claimed', id: recorded.id, messageId: recorded.messageId, createdAt: recorded.createdAt };
    });
  }
}
