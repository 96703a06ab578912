import { getQueueToken } from '@nestjs/bullmq';
import { type FactoryProvider, Logger } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '@app/config';
import { QueueName, queueOfJob } from './jobs.js';
import type { QueueableOutboxMessage } from './outbox-message.repository.js';

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

/** Failed jobs stay in Redis this long for inspection; their outbox row already says how they ended. */
const KEEP_FAILED_JOBS_SECONDS = 7 * 24 * 3600;

/**
 * BullMQ's connection queues commands while Redis is away rather than failing them, which would hold the relay's
 * row locks indefinitely; giving up lets the transaction roll back and a later pass try again.
 */
const REDIS_TIMEOUT_MS = 10_000;

function withinRedisTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_TIMEOUT_MS} ms (${what})`)), REDIS_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The BullMQ queues of the outbox, and the one way its rows are put on them (the relay's and the reconciler's). */
export class OutboxQueues {
  private readonly logger = new Logger('OutboxQueues');

  constructor(
    private readonly queues: ReadonlyMap<QueueName, Queue>,
    private readonly config: AppConfig,
  ) {
    // Without a listener BullMQ writes each reconnection failure to the console; this is one log line a minute.
    for (const [name, queue] of queues) {
      let warnedAt = 0;
      queue.on('error', (error: Error) => {
        if (Date.now() - warnedAt < 60_000) return;
        warnedAt = Date.now();
        this.logger.warn(`Queue ${name}: ${error.message} (Redis unreachable? jobs wait in the outbox meanwhile)`);
      });
    }
  }

  static provider(): FactoryProvider<OutboxQueues> {
    return {
      provide: OutboxQueues,
      inject: [AppConfig, ...ALL_QUEUES.map((name) => getQueueToken(name))],
      useFactory: (config: AppConfig, ...queues: Queue[]) => new OutboxQueues(new Map(ALL_QUEUES.map((name, i) => [name, queues[i]])), config),
    };
  }

  /** Undefined for a job name this version does not know. */
  queueOf(jobName: string): Queue | undefined {
    const queueName = queueOfJob(jobName);
    return queueName ? this.queues.get(queueName) : undefined;
  }

  /**
   * Adds each message under its outbox id as job id. BullMQ ignores an add whose id it still holds,
   * so putting a message on twice (two relays, a relay and the reconciler) leaves one job.
   */
  async enqueue(messages: QueueableOutboxMessage[]): Promise<void> {
    const byQueue = new Map<Queue, QueueableOutboxMessage[]>();
    for (const message of messages) {
      const queue = this.queueOf(message.jobName);
      if (!queue) throw new Error(`No queue carries the job ${message.jobName}`);
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), message]);
    }
    const adds = [...byQueue].map(([queue, batch]) =>
      queue.addBulk(batch.map((message) => ({ name: message.jobName, data: message.payload, opts: this.jobOptions(message) }))),
    );
    await withinRedisTimeout(Promise.all(adds), 'adding jobs');
  }

  /** The message's job as Redis holds it in any state (waiting, delayed, active, failed), or undefined. */
  async jobOf(message: QueueableOutboxMessage): Promise<Job | undefined> {
    const queue = this.queueOf(message.jobName);
    return queue === undefined ? undefined : withinRedisTimeout(queue.getJob(message.id), 'looking up a job');
  }

  /** Whether Redis holds the message's job in any state (waiting, delayed, active, failed). */
  async holds(message: QueueableOutboxMessage): Promise<boolean> {
    return (await this.jobOf(message)) !== undefined;
  }

  private jobOptions(message: QueueableOutboxMessage): JobsOptions {
    return {
      jobId: message.id,
      delay: message.delayMs,
      attempts: this.config.JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.JOB_BACKOFF_MS },
      removeOnComplete: true,
      removeOnFail: { age: KEEP_FAILED_JOBS_SECONDS },
    };
  }
}
