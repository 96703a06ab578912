import { defineJobs, QueueName } from '@app/outbox';

declare module '@app/outbox' {
  interface JobPayloads {
    'send-welcome-email': { personId: string };
  }
}

export const PEOPLE_JOBS = defineJobs({ 'send-welcome-email': QueueName.Mail });
