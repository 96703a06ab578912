import { defineJobs, QueueName } from '@app/outbox';

declare module '@app/outbox' {
  interface JobPayloads {
    /** `generation` is the assembly request it answers; a newer request makes this job a no-op. */
    'assemble-minutes': { meetingId: string; generation: number };
    'send-minutes-published-mail': { meetingId: string; personId: string };
  }
}

export const MINUTES_JOBS = defineJobs({ 'assemble-minutes': QueueName.Documents, 'send-minutes-published-mail': QueueName.Mail });
