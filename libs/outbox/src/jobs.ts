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

/** The payload of every job, by name. */
export interface JobPayloads {
  [JobName.SendWelcomeEmail]: { personId: string };
}

export type JobPayload = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];
