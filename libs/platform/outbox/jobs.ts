/** The queues; work with different needs (mail, documents, reminders) gets its own. */
export enum QueueName {
  /** Bulk e-mail: an agenda round's, the minutes links. */
  Mail = 'mail',
  /**
   * Personal, time-bound e-mail (password links, welcome, notices, reminders): a queue of its own, so it never waits
   * behind a round of bulk mail, and with SMTP connections kept for it (SMTP_URGENT_CONNECTIONS).
   */
  UrgentMail = 'urgent-mail',
  /** Splits one e-mail to many into one job per recipient; kept apart so a big fan-out never waits behind the e-mails of another. */
  FanOut = 'fan-out',
  Reminders = 'reminders',
  /** Minutes assembly: CPU-heavy PDF rendering, kept off the mail queue so e-mails never wait behind it. */
  Documents = 'documents',
}

/** How each queue's worker runs; a new queue is its enum member plus its line here, and gets its processor from that. */
export const QUEUE_SETTINGS: Record<QueueName, { concurrency: number }> = {
  [QueueName.Mail]: { concurrency: 20 },
  [QueueName.UrgentMail]: { concurrency: 20 },
  [QueueName.FanOut]: { concurrency: 2 },
  [QueueName.Reminders]: { concurrency: 2 },
  [QueueName.Documents]: { concurrency: 1 },
};

/**
 * The payload of every job, by job name. Empty here: each library that owns a job adds it where its handler lives,
 * by module augmentation (`declare module '@app/outbox' { interface JobPayloads { 'send-x': {...} } }`), and
 * declares the job's queue with `defineJobs`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the owners of the jobs
export interface JobPayloads {}

export type JobName = keyof JobPayloads & string;

export type JobPayload = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

const QUEUE_OF_JOB = new Map<string, QueueName>();

/**
 * Declares the jobs a library owns and the queue that carries each. Called as its module loads, so every job of
 * the libraries a process imports is known before the start-up check that each has exactly one handler.
 */
export function defineJobs<const Jobs extends { [N in JobName]?: QueueName }>(jobs: Jobs): Jobs {
  for (const [jobName, queue] of Object.entries(jobs) as [string, QueueName][]) {
    const declared = QUEUE_OF_JOB.get(jobName);
    if (declared !== undefined && declared !== queue) throw new Error(`The job ${jobName} is declared twice, on the queues ${declared} and ${queue}`);
    QUEUE_OF_JOB.set(jobName, queue);
  }
  return jobs;
}

/** Undefined for a job name no loaded library declares (a job left in Redis by another release). */
export function queueOfJob(jobName: string): QueueName | undefined {
  return QUEUE_OF_JOB.get(jobName);
}

/** Every job name the loaded libraries declare. */
export function declaredJobNames(): string[] {
  return [...QUEUE_OF_JOB.keys()];
}
