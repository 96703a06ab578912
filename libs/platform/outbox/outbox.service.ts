import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, type JobPayloads } from './jobs.js';
import { OutboxMessage } from './outbox-message.entity.js';

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
  /** Returns the id of the message added, or of the pending one it joined. */
  async add<N extends JobName>(manager: EntityManager, jobName: N, payload: JobPayloads[N], options: OutboxOptions = {}): Promise<string> {
    if (options.dedupeKey && options.joinPending) {
      const [pending]: { id: string }[] = await manager.query(`SELECT id FROM outbox_message WHERE dedupe_key = $1 AND processed_at IS NULL`, [options.dedupeKey]);
      if (pending) return pending.id;
    }
    if (options.dedupeKey) await this.cancel(manager, options.dedupeKey, 'replaced');
    const result = await manager.insert(OutboxMessage, {
      jobName,
      payload: payload as unknown as Record<string, any>,
      availableAt: options.availableAt ?? new Date(),
      dedupeKey: options.dedupeKey ?? null,
    });
    await this.notifyRelay(manager);
    return result.identifiers[0].id as string;
  }

  /** Many messages of one job, due now, in one statement: one e-mail per recipient. */
  async addMany<N extends JobName>(manager: EntityManager, jobName: N, payloads: JobPayloads[N][]): Promise<void> {
    if (!payloads.length) return;
    await manager.query(`INSERT INTO outbox_message (job_name, payload) SELECT $1, p FROM unnest($2::jsonb[]) AS p`, [
      jobName,
      payloads.map((payload) => JSON.stringify(payload)),
    ]);
    await this.notifyRelay(manager);
  }

  /**
   * Finishes the unprocessed message with the key, so its job does nothing when it runs (a reminder whose reason
   * went with this change). Returns whether there was one.
   */
  async cancel(manager: EntityManager, dedupeKey: string, outcome: 'cancelled' | 'replaced' = 'cancelled'): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE outbox_message SET processed_at = now(), outcome = $2 WHERE dedupe_key = $1 AND processed_at IS NULL`,
      [dedupeKey, outcome],
    );
    return affected > 0;
  }

  /**
   * Finishes the running job's own message inside the transaction of its work, so the work and its being done
   * commit together: a job that runs again (a crash before the processor recorded the outcome, a copy re-added
   * after Redis lost it) finds it finished and does not repeat the work, e.g. a fan-out writing its e-mails twice.
   * Call it before the work: false means the message was finished meanwhile (run, replaced), and the work must not be done.
   */
  async finishRunning(manager: EntityManager, outboxMessageId: string, attempt: number, outcome: 'done' | 'dropped' = 'done'): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE outbox_message SET processed_at = now(), outcome = $3, attempts = $2 WHERE id = $1 AND processed_at IS NULL`,
      [outboxMessageId, attempt, outcome],
    );
    return affected === 1;
  }

  private async notifyRelay(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify('outbox', '')`);
  }
}
