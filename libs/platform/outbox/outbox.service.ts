import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import type { JobName, JobPayloads } from './jobs.js';
import { OutboxMessageRepository } from './outbox-message.repository.js';

export interface OutboxOptions {
  /** When the job may run; now when left out. */
  availableAt?: Date;
  /** An unprocessed message with the same key is replaced (its job rescheduled) rather than doubled. */
  dedupeKey?: string;
  /**
   * With a dedupeKey: keep an unprocessed message with that key as it is and add nothing, so changes that come
   * while one job waits join it instead of pushing it ever later. The caller must hold a lock that the job also
   * takes before it reads, or a change could slip in after the job read and before it finished.
   */
  joinPending?: boolean;
}

/** Records side effects in the caller's transaction; the relay enqueues them once the transaction commits. */
@Injectable()
export class OutboxService {
  constructor(private readonly messages: OutboxMessageRepository) {}

  /** Returns the id of the message added, or of the pending one it joined. */
  async add<N extends JobName>(tx: Transaction, jobName: N, payload: JobPayloads[N], options: OutboxOptions = {}): Promise<string> {
    if (options.dedupeKey && options.joinPending) {
      const pending = await this.messages.findPendingId(tx, options.dedupeKey);
      if (pending) return pending;
    }
    if (options.dedupeKey) await this.cancel(tx, options.dedupeKey, 'replaced');
    return this.messages.insertAndNotify(tx, {
      jobName,
      payload: payload as Record<string, any>,
      availableAt: options.availableAt ?? new Date(),
      dedupeKey: options.dedupeKey ?? null,
    });
  }

  /** Many messages of one job, due now, in one statement: one e-mail per recipient. */
  async addMany<N extends JobName>(tx: Transaction, jobName: N, payloads: JobPayloads[N][]): Promise<void> {
    if (!payloads.length) return;
    await this.messages.insertManyAndNotify(tx, jobName, payloads);
  }

  /** Adds the job of an earlier message (finished, most often failed) as a new message; null when there is none. */
  async runAgain(tx: Transaction, outboxMessageId: string): Promise<string | null> {
    const job = await this.messages.jobOf(outboxMessageId, tx);
    if (!job) return null;
    return this.messages.insertAndNotify(tx, { jobName: job.jobName, payload: job.payload, availableAt: new Date(), dedupeKey: null });
  }

  /**
   * Finishes the unprocessed message with the key, so its job does nothing when it runs (a reminder whose reason
   * went with this change). Returns whether there was one.
   */
  cancel(tx: Transaction, dedupeKey: string, outcome: 'cancelled' | 'replaced' = 'cancelled'): Promise<boolean> {
    return this.messages.finishPending(tx, dedupeKey, outcome);
  }

  /**
   * Finishes the running job's own message inside the transaction of its work, so the work and its being done
   * commit together: a job that runs again (a crash before the processor recorded the outcome, a copy re-added
   * after Redis lost it) finds it finished and does not repeat the work, e.g. a fan-out writing its e-mails twice.
   * Call it before the work: false means the message was finished meanwhile (run, replaced), and the work must not be done.
   */
  finishRunning(tx: Transaction, outboxMessageId: string, attempt: number, outcome: 'done' | 'dropped' = 'done'): Promise<boolean> {
    return this.messages.finishUnprocessed(tx, outboxMessageId, attempt, outcome);
  }
}
