import { Injectable, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Transaction } from '@app/database';
import type { JobName, JobPayloads, QueueName } from './jobs.js';

/** What a handler learns about the run it is part of. */
export interface JobContext {
  /** The outbox row, which is also the BullMQ job id. */
  outboxMessageId: string;
  /** The queue the job runs on, which tells how urgent it is (urgent mail goes ahead of bulk mail). */
  queue: QueueName;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /**
   * When the job runs again should this run fail for a passing reason (TransientFailureError); null once its retry
   * window (DELIVERY_RETRY_WINDOW) has passed, so such a failure is final.
   */
  transientRetryAt: Date | null;
  /** Reports how far the run has come (0-100) on the BullMQ job, for long jobs such as document assembly. */
  reportProgress(percent: number): Promise<void>;
  /**
   * What the handler's `readWithRow` read in the statement that fetched the job's outbox row; undefined when the
   * handler has none or the job was run some other way, so the handler reads it itself.
   */
  readWithRow?: unknown;
}

/**
 * A handler finishes normally, or reports that the reason for the job no longer holds, or that its last write
 * already finished the job's outbox row (with `finishOutboxRowSql`), so nothing is left to record, or that another
 * run of the job took its work over (a worker that found this one's claim run out) and records the outcome itself.
 */
export type JobResult = void | { dropped: string } | { finishedOutboxRow: true } | { handedOver: string };

export interface JobHandlerOf<N extends JobName> {
  handle(data: JobPayloads[N], context: JobContext): Promise<JobResult>;
  /**
   * What the job reads before anything else, folded into the statement that fetches its outbox row, so a job that is
   * a few statements (one e-mail) spends none on it: an SQL expression of type jsonb over `payload`, the SQL
   * expression of the row's payload. It reaches the handler as `context.readWithRow`.
   */
  readWithRow?(payload: string): string;
  /**
   * The job failed for good: its last attempt threw, or it kept stopping its worker (a crash, an out-of-memory
   * kill) until BullMQ gave it up. Runs once, in the transaction that finishes the outbox row as failed, so a record
   * waiting on the job (minutes `pending`) is never left waiting.
   */
  gaveUp?(data: JobPayloads[N], reason: string, tx: Transaction): Promise<void>;
}

/** Carries the job name for discovery at start-up; use JobHandler, which also types the class. */
export const JobHandlerMetadata = DiscoveryService.createDecorator<JobName>();

/**
 * Marks an injectable class as the one handler of a job. The class must accept that job's payload,
 * so a handler that reads the wrong payload does not compile.
 */
export function JobHandler<N extends JobName>(jobName: N) {
  return (target: Type<JobHandlerOf<N>>): void => {
    Injectable()(target);
    JobHandlerMetadata(jobName)(target);
  };
}
