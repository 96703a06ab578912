import { defineJobs, QueueName } from '@app/outbox';

declare module '@app/outbox' {
  interface JobPayloads {
    'send-welcome-email': { personId: string };
    /** The address someone typed into "Glemt adgangskode"; it may be nobody's. */
    'send-password-reset': { email: string };
  }
}

export const PEOPLE_JOBS = defineJobs({ 'send-welcome-email': QueueName.UrgentMail, 'send-password-reset': QueueName.UrgentMail });
