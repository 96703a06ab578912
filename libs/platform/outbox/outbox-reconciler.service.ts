import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { gaveUpReason, OutboxFailures } from './outbox-failures.service.js';
import { OutboxMessageRepository } from './outbox-message.repository.js';
import { OutboxQueues } from './outbox-queues.js';

const PAGE_SIZE = 500;

/**
 * Puts back on their queues the relayed rows that Redis no longer holds (a FLUSHALL, a restart without
 * persistence, a failover), so PostgreSQL stays the source of truth and nothing committed is lost.
 */
@Injectable()
export class OutboxReconcilerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxReconciler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly messages: OutboxMessageRepository,
    private readonly queues: OutboxQueues,
    private readonly config: AppConfig,
    private readonly failures: OutboxFailures,
  ) {}

  onApplicationBootstrap(): void {
    this.runInBackground();
    this.timer = setInterval(() => this.runInBackground(), this.config.OUTBOX_RECONCILE_INTERVAL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Re-adds every unprocessed, relayed row whose job Redis does not hold, and ends as failed every one whose job
   * BullMQ has failed for good without the row being finished (the worker that failed it died before it could, or
   * could not reach PostgreSQL); returns how many rows were re-added. A row that finishes meanwhile may be re-added
   * needlessly: its processor finds it processed and does nothing.
   */
  async reconcile(): Promise<number> {
    let readded = 0;
    let givenUp = 0;
    let afterId: string | null = null;
    for (;;) {
      const page = await this.messages.findEnqueuedUnprocessed(afterId, PAGE_SIZE);
      if (!page.length) break;
      const jobs = await Promise.all(page.map((message) => this.queues.jobOf(message)));
      const lost = page.filter((message, i) => !jobs[i] && this.queues.queueOf(message.jobName));
      if (lost.length) {
        await this.queues.enqueue(lost);
        readded += lost.length;
      }
      for (const job of jobs) {
        if (job?.finishedOn && job.failedReason && (await this.failures.giveUp(job.id as string, job.attemptsMade, gaveUpReason(job.failedReason, job.stalledCounter)))) givenUp += 1;
      }
      afterId = page[page.length - 1].id;
    }
    if (readded) this.logger.warn(`Re-enqueued ${readded} outbox message(s) that Redis had lost`);
    if (givenUp) this.logger.warn(`Ended ${givenUp} outbox message(s) whose jobs BullMQ had given up`);
    return readded;
  }

  private runInBackground(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .catch((error: Error) => this.logger.error(`Reconciliation failed: ${error.message}`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
