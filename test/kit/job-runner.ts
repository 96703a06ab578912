import { Test, type TestingModule } from '@nestjs/testing';
import type { Job } from 'bullmq';
import type { AppConfig } from '@app/config';
import { apiRootModule } from '@app/api-app';
import { RequestContext } from '@app/core';
import { JobHandlerRegistry, type OutboxQueueProcessor, QUEUE_PROCESSORS, type QueueName } from '@app/outbox';
import { WorkerModule } from '@app/worker-app';

/** What a queue processor reads of the BullMQ job it runs: its id (the outbox row's), its name and its attempts. */
function bullJob(outboxMessageId: string, jobName: string): Job {
  return { id: outboxMessageId, name: jobName, attemptsMade: 0, attemptsStarted: 1, opts: { attempts: 5 }, updateProgress: async () => undefined } as unknown as Job;
}

/**
 * The worker's modules in this process, never started: no relay, no BullMQ worker, so nothing runs by itself. A test
 * or a benchmark runs chosen outbox rows through the worker's own queue processors, one at a time, and counts the SQL
 * statements of each as a request's are counted.
 */
export class JobRunner {
  private constructor(private readonly module: TestingModule) {}

  static async start(config: AppConfig): Promise<JobRunner> {
    const module = await Test.createTestingModule({ imports: [apiRootModule(config, [WorkerModule])] }).compile();
    module.get(JobHandlerRegistry).onModuleInit();
    return new JobRunner(module);
  }

  /** Runs the job of the outbox row as the queue's processor runs it on the worker. */
  run(queue: QueueName, outboxMessageId: string, jobName: string): Promise<void> {
    return (this.module.get(QUEUE_PROCESSORS[queue]) as OutboxQueueProcessor).process(bullJob(outboxMessageId, jobName));
  }

  /** Runs the job (as `run`) and answers how many SQL statements it ran. */
  async statementsOf(queue: QueueName, outboxMessageId: string, jobName: string): Promise<number> {
    const context = { requestId: `job-${outboxMessageId}`, sqlStatements: 0 };
    await RequestContext.run(context, () => this.run(queue, outboxMessageId, jobName));
    return context.sqlStatements;
  }

  async close(): Promise<void> {
    await this.module.close();
  }
}
