import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@app/database';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { OutboxMessageRepository } from './outbox-message.repository.js';

const MAX_REASON_LENGTH = 2_000;

/**
 * Ends a job that failed for good, however BullMQ came to give it up: its last attempt threw, it stalled (its worker
 * died mid-job) more often than allowed, or the reconciler found it failed in Redis with its row still open. The
 * outbox row is finished as failed and the job's handler told, in one transaction, once.
 */
@Injectable()
export class OutboxFailures {
  private readonly logger = new Logger('OutboxFailures');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly messages: OutboxMessageRepository,
    private readonly handlers: JobHandlerRegistry,
  ) {}

  /** True when this call ended the job; false when its row was finished already. */
  async giveUp(outboxMessageId: string, attempts: number, reason: string): Promise<boolean> {
    const text = reason.slice(0, MAX_REASON_LENGTH);
    return this.unitOfWork.run(async (tx) => {
      const message = await this.messages.finishFailed(tx, outboxMessageId, attempts, text);
      if (!message) return false;
      this.logger.error(`${message.jobName} ${message.id} failed for good after ${attempts} attempt(s): ${text}`);
      await this.handlers.handlerOf(message.jobName)?.gaveUp?.(message.payload as never, text, tx);
      return true;
    });
  }
}

/** Why BullMQ gave a job up, in words for the record that waited on it. */
export function gaveUpReason(failedReason: string, stalls: number): string {
  if (/stalled more than allowable limit/.test(failedReason)) {
    return `The worker stopped in the middle of this job ${stalls} time(s) (it crashed or was killed, e.g. out of memory), so it was given up (${failedReason})`;
  }
  if (/started more than allowable limit/.test(failedReason)) return `The job was started too many times without finishing (${failedReason})`;
  return failedReason;
}
