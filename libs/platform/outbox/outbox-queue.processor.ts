import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { AppConfig, durationMs } from '@app/config';
import { isDatabaseUnavailable } from '@app/core';
import type { JobResult } from './job-handler.decorator.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { QUEUE_SETTINGS, QueueName } from './jobs.js';
import { gaveUpReason, OutboxFailures } from './outbox-failures.service.js';
import { findUnprocessedStatement, OutboxMessageRepository } from './outbox-message.repository.js';
import { ALL_QUEUES } from './outbox-queues.js';
import { RetryLaterError } from './retry-later.error.js';
import { TransientFailureError } from './transient-failure.error.js';

const MAX_ERROR_LENGTH = 2_000;

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/**
 * Runs the jobs of one queue: looks up the outbox row (the source of truth), dispatches to the job's handler
 * and records the outcome on the row. Each queue gets its own subclass below, so its worker has its own
 * concurrency and there is exactly one processor per queue.
 */
@Injectable()
export class OutboxQueueProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private readonly retryWindowMs: number;
  private readonly firstRetryDelayMs: number;
  private readonly longestRetryDelayMs: number;
  private readonly queue: QueueName;
  /** The fetch of a job's row with what the queue's handlers read with it; made at the first job, once the handlers are known. */
  private fetchStatement: string | undefined;
  /** Whether the worker was started: a processor never started (the test kit's JobRunner runs jobs through it) has none to close. */
  private started = false;

  constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly messages: OutboxMessageRepository,
    private readonly failures: OutboxFailures,
    config: AppConfig,
  ) {
    super();
    this.retryWindowMs = durationMs(config.DELIVERY_RETRY_WINDOW);
    this.firstRetryDelayMs = config.JOB_BACKOFF_MS;
    this.longestRetryDelayMs = durationMs(config.DELIVERY_RETRY_MAX_DELAY);
    // The worker is made from its class's @Processor options after the providers exist: set them from the
    // configuration now, before it is made.
    this.queue = (this.constructor as typeof OutboxQueueProcessor & { queue: QueueName }).queue;
    Processor(this.queue, workerOptions(this.queue, config))(this.constructor);
  }

  /** The worker is created with autorun off and starts only now, after the handler map passed its check. */
  onApplicationBootstrap(): void {
    this.worker.on('error', (error) => this.logger.error(`Worker error: ${error.message}`));
    // A job BullMQ fails without running it here (stalled beyond JOB_MAX_STALLED_COUNT: it kept killing its
    // worker) would leave its outbox row open and its record waiting for ever; this ends it.
    this.worker.on('failed', (job, error) => {
      if (job && isFinalFailure(job, error)) {
        this.failures
          .giveUp(job.id as string, job.attemptsMade, gaveUpReason(error.message, job.stalledCounter))
          .catch((giveUpError: Error) => this.logger.error(`Could not record that ${job.id} was given up (the reconciler will): ${giveUpError.message}`));
      }
    });
    this.worker.run().catch((error: Error) => this.logger.error(`Worker stopped unexpectedly: ${error.message}`));
    this.started = true;
  }

  /** Before the database and Redis connections close: jobs in flight finish and record their outcome. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.started) await this.worker.close();
  }

  async process(job: Job, token?: string): Promise<void> {
    try {
      await this.run(job, token);
    } catch (error) {
      // The database went away under the job (reading its row, recording its outcome): that spends no attempt
      // and has no window, since nothing could record the job as failed anyway.
      if (!isDatabaseUnavailable(error) || !token) throw error;
      const retryAt = this.nextRetryAt(job);
      this.logger.warn(`Job ${job.name} ${job.id}: the database is unreachable, trying again at ${retryAt.toISOString()}: ${describe(error)}`);
      await job.moveToDelayed(retryAt.getTime(), token);
      throw new DelayedError(describe(error));
    }
  }

  private async run(job: Job, token?: string): Promise<void> {
    this.fetchStatement ??= findUnprocessedStatement(this.queue, this.handlers.rowReadsOn(this.queue));
    const message = await this.messages.findUnprocessed(job.id as string, this.fetchStatement);
    // Finished by an earlier run of this job (re-added by the reconciler meanwhile), or replaced.
    if (!message) return;
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const handler = this.handlers.handlerOf(message.jobName);
    if (!handler) {
      await this.failures.giveUp(message.id, attempt, `No handler for the job ${message.jobName}`);
      throw new UnrecoverableError(`No handler for the job ${message.jobName}`);
    }
    const withinWindow = message.retryingUntil === null || message.retryingUntil.getTime() > Date.now();
    const transientRetryAt = withinWindow && token ? this.nextRetryAt(job) : null;

    let result: JobResult;
    try {
      result = await handler.handle(message.payload as never, {
        outboxMessageId: message.id,
        queue: this.queue,
        attempt,
        maxAttempts,
        transientRetryAt,
        reportProgress: (percent) => job.updateProgress(percent),
        readWithRow: message.readWithRow,
      });
    } catch (error) {
      if (error instanceof RetryLaterError && token) {
        await job.moveToDelayed(error.retryAt.getTime(), token);
        throw new DelayedError(error.message);
      }
      const text = describe(error);
      const passing = error instanceof TransientFailureError || isDatabaseUnavailable(error);
      if (passing && transientRetryAt && token) {
        this.logger.warn(`${message.jobName} ${message.id} failed for a passing reason, trying again at ${transientRetryAt.toISOString()}: ${text}`);
        await this.messages
          .recordTransientFailure(message.id, text, this.retryWindowMs)
          .catch((recordError: Error) => this.logger.warn(`Could not record the failure of ${message.id}: ${recordError.message}`));
        await job.moveToDelayed(transientRetryAt.getTime(), token);
        throw new DelayedError(text);
      }
      const final = passing || attempt >= maxAttempts || error instanceof UnrecoverableError;
      const why = passing ? ` (retried for a passing reason until ${message.retryingUntil?.toISOString()})` : '';
      this.logger[final ? 'error' : 'warn'](`${message.jobName} ${message.id} failed, attempt ${attempt} of ${maxAttempts}${why}: ${text}`);
      await (final ? this.failures.giveUp(message.id, attempt, text) : this.messages.recordFailedAttempt(message.id, attempt, text, false)).catch((recordError: Error) =>
        this.logger.error(`Could not record the failure of ${message.id}: ${recordError.message}`),
      );
      if (final && !(error instanceof UnrecoverableError)) throw new UnrecoverableError(text);
      throw error;
    }

    if (result && 'finishedOutboxRow' in result) return;
    if (result && 'handedOver' in result) {
      this.logger.warn(`${message.jobName} ${message.id}: ${result.handedOver}`);
      return;
    }
    const dropped = result?.dropped;
    if (dropped) this.logger.log(`${message.jobName} ${message.id} dropped: ${dropped}`);
    await this.messages.markProcessed(message.id, dropped ? 'dropped' : 'done', attempt);
  }

  /**
   * Retries for a passing reason wait JOB_BACKOFF_MS, then twice as long each time, up to DELIVERY_RETRY_MAX_DELAY.
   * Each such retry is a start of the job that spent no attempt, so BullMQ's own counters tell how many came before.
   */
  private nextRetryAt(job: Job): Date {
    const earlierRetries = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
    const delay = Math.min(this.longestRetryDelayMs, this.firstRetryDelayMs * 2 ** Math.min(earlierRetries, 30));
    return new Date(Date.now() + delay);
  }
}

/** BullMQ settles a job's fate in two ways: out of attempts, or refused outright (UnrecoverableError, a stall too many). */
function isFinalFailure(job: Job, error: Error): boolean {
  return error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

function workerOptions(queue: QueueName, config: AppConfig) {
  return {
    concurrency: QUEUE_SETTINGS[queue].concurrency,
    autorun: false,
    lockDuration: config.JOB_LOCK_DURATION_MS,
    stalledInterval: config.JOB_STALLED_INTERVAL_MS,
    maxStalledCount: config.JOB_MAX_STALLED_COUNT,
  };
}

function defineQueueProcessor(queue: QueueName): Type<OutboxQueueProcessor> {
  const className = `${queue.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase())}QueueProcessor`;
  const processor = {
    [className]: class extends OutboxQueueProcessor {
      static readonly queue = queue;
    },
  }[className];
  // Names the queue for Nest's discovery; the worker's options are set from the configuration when it is made.
  Processor(queue, { concurrency: QUEUE_SETTINGS[queue].concurrency, autorun: false })(processor);
  return processor;
}

/** One processor class per queue, named after it (MailQueueProcessor). */
export const QUEUE_PROCESSORS = Object.fromEntries(ALL_QUEUES.map((queue) => [queue, defineQueueProcessor(queue)])) as Record<
  QueueName,
  Type<OutboxQueueProcessor>
>;
