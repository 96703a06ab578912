import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, type JobPayloads } from './jobs.js';
import { OutboxMessage } from './outbox-message.entity.js';

export interface OutboxOptions {
  /** When the job may run; now when left out. */
  availableAt?: Date;
  /** An unprocessed message with the same key is replaced (its job rescheduled) rather than doubled. */
  dedupeKey?: string;
}

/** Records a side effect in the caller's transaction; the relay enqueues it once the transaction commits. */
@Injectable()
export class OutboxService {
  async add<N extends JobName>(manager: EntityManager, jobName: N, payload: JobPayloads[N], options: OutboxOptions = {}): Promise<string> {
    const values = {
      jobName,
      payload: payload as unknown as Record<string, any>,
      availableAt: options.availableAt ?? new Date(),
      dedupeKey: options.dedupeKey ?? null,
    };
    if (options.dedupeKey) {
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ processedAt: () => 'now()', outcome: 'replaced' })
        .where('dedupe_key = :key AND processed_at IS NULL', { key: options.dedupeKey })
        .execute();
    }
    const result = await manager.insert(OutboxMessage, values);
    await manager.query(`SELECT pg_notify('outbox', '')`);
    return result.identifiers[0].id as string;
  }
}
