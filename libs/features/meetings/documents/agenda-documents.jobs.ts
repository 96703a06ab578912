import { defineJobs, QueueName } from '@app/outbox';

declare module '@app/outbox' {
  interface JobPayloads {
    /** Reads the agenda when it runs: a job queued before a change builds the changed agenda. */
    'build-agenda-documents': { meetingId: string };
  }
}

export const AGENDA_DOCUMENT_JOBS = defineJobs({ 'build-agenda-documents': QueueName.Documents });
