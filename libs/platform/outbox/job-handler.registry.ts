import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type JobHandlerOf, JobHandlerMetadata } from './job-handler.decorator.js';
import { declaredJobNames, type JobName, type QueueName, queueOfJob } from './jobs.js';
import type { RowReads } from './outbox-message.repository.js';

export interface JobHandlerRegistration {
  jobName: string;
  /** The class name, to name culprits in the start-up error. */
  name: string;
  handler: JobHandlerOf<JobName>;
}

export class JobHandlerMapError extends Error {}

/**
 * The handler of each job name, refusing to start when a job name has no handler or more than one
 * (a job nobody handles would fail only when it first runs, perhaps weeks later for a reminder).
 */
export function buildJobHandlerMap(
  registrations: JobHandlerRegistration[],
  jobNames: readonly string[] = declaredJobNames(),
): Map<string, JobHandlerOf<JobName>> {
  const byName = new Map<string, JobHandlerRegistration[]>();
  for (const registration of registrations) {
    byName.set(registration.jobName, [...(byName.get(registration.jobName) ?? []), registration]);
  }
  const problems: string[] = [];
  const missing = jobNames.filter((name) => !byName.has(name));
  if (missing.length) problems.push(`no handler for ${missing.join(', ')}`);
  for (const [jobName, found] of byName) {
    if (found.length > 1) problems.push(`more than one handler for ${jobName} (${found.map((r) => r.name).join(', ')})`);
    if (!jobNames.includes(jobName)) problems.push(`a handler for the unknown job ${jobName} (${found.map((r) => r.name).join(', ')})`);
  }
  if (problems.length) throw new JobHandlerMapError(`Every job needs exactly one @JobHandler: ${problems.join('; ')}`);
  return new Map([...byName].map(([jobName, [registration]]) => [jobName, registration.handler]));
}

/** Finds every @JobHandler class in the application at start-up and checks the map before any worker runs. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private handlers = new Map<string, JobHandlerOf<JobName>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const registrations = this.discovery.getProviders({ metadataKey: JobHandlerMetadata.KEY }).map((wrapper) => ({
      jobName: this.discovery.getMetadataByDecorator(JobHandlerMetadata, wrapper) as string,
      name: wrapper.name,
      handler: wrapper.instance as JobHandlerOf<JobName>,
    }));
    this.handlers = buildJobHandlerMap(registrations);
  }

  /** Undefined only for a job name this version does not know (a job left in Redis by another release). */
  handlerOf(jobName: string): JobHandlerOf<JobName> | undefined {
    return this.handlers.get(jobName);
  }

  /** The reads the handlers of the queue's jobs fold into the fetch of a job's row (`readWithRow`), by job name. */
  rowReadsOn(queue: QueueName): RowReads {
    const reads = new Map<string, (payload: string) => string>();
    for (const [jobName, handler] of this.handlers) {
      if (handler.readWithRow && queueOfJob(jobName) === queue) reads.set(jobName, (payload) => handler.readWithRow!(payload));
    }
    return reads;
  }
}
