/** The queues; work with different needs (mail, documents, reminders) gets its own. */
export enum QueueName {
  Mail = 'mail',
}

export enum JobName {
  SendWelcomeEmail = 'send-welcome-email',
}

/** Which queue carries each job. */
export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.SendWelcomeEmail]: QueueName.Mail,
};

/** How each queue's worker runs; a new queue is its enum member plus its line here, and gets its processor from that. */
export const QUEUE_SETTINGS: Record<QueueName, { concurrency: number }> = {
  [QueueName.Mail]: { concurrency: 5 },
};

/** The payload of every job, by name. */
export interface JobPayloads {
  [JobName.SendWelcomeEmail]: { personId: string };
}

export type JobPayload = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];
