import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { OutboxMessageRepository } from './outbox-message.repository.js';
import { OutboxNotificationListener } from './outbox-notification.listener.js';
import { OutboxQueues } from './outbox-queues.js';

/**
 * Rows due within this horizon go on the queue now, as delayed jobs; later ones wait in PostgreSQL, where
 * rescheduling or cancelling them is a plain update, and the polling picks them up as they come near.
 */
export const RELAY_HORIZON_MS = 5 * 60_000;
const BATCH_SIZE = 200;

/**
 * Moves committed outbox rows onto their BullMQ queues. Wakes on LISTEN 'outbox' and polls as a fallback;
 * safe to run in several processes at once.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private rerunRequested = false;
  private stopping = false;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly messages: OutboxMessageRepository,
    private readonly queues: OutboxQueues,
    private readonly listener: OutboxNotificationListener,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.timer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_INTERVAL_MS);
    // The listener's first connection wakes the relay, which also relays what piled up while no worker ran.
    await this.listener.start(() => this.wake());
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.listener.stop();
    await this.running;
  }

  /**
   * One full pass: relays due rows batch by batch until none are left. Each batch is one transaction, so a
   * row is marked enqueued only if it reached Redis; should the commit fail after the add, the next pass adds
   * it again under the same job id, which BullMQ ignores (and a job that already ran finds its row processed).
   */
  async relayDueMessages(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(async (manager) => {
        const due = await this.messages.lockDueForRelay(manager, RELAY_HORIZON_MS, BATCH_SIZE);
        const routable = due.filter((message) => this.queues.queueOf(message.jobName));
        const unroutable = due.filter((message) => !this.queues.queueOf(message.jobName));
        for (const message of unroutable) {
          this.logger.error(`Outbox message ${message.id} names the unknown job ${message.jobName}; marked failed`);
          await this.messages.recordFailedAttempt(message.id, 0, `Unknown job ${message.jobName}`, true, manager);
        }
        await this.queues.enqueue(routable);
        await this.messages.markEnqueued(manager, routable.map((message) => message.id));
        return due.length;
      });
      relayed += batch;
      if (batch < BATCH_SIZE) return relayed;
    }
  }

  /** Coalesces wake-ups: at most one pass runs at a time, and a wake-up during a pass earns one more pass. */
  private wake(): void {
    if (this.stopping) return;
    if (this.running) {
      this.rerunRequested = true;
      return;
    }
    this.running = (async () => {
      do {
        this.rerunRequested = false;
        await this.relayDueMessages().catch((error: Error) => this.logger.error(`Relay pass failed: ${error.message}`));
      } while (this.rerunRequested && !this.stopping);
    })().finally(() => {
      this.running = undefined;
    });
  }
}
