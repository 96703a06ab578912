import type { DeliveryIdentity } from '@app/mail';
import { defineJobs, type JobPayloads, QueueName } from '@app/outbox';

declare module '@app/outbox' {
  interface JobPayloads {
    /** `generation` is the assembly request it answers; a newer request makes this job a no-op. */
    'assemble-minutes': { meetingId: string; generation: number };
    'send-minutes-published-mail': { meetingId: string; personId: string };
  }
}

export const MINUTES_JOBS = defineJobs({ 'assemble-minutes': QueueName.Documents, 'send-minutes-published-mail': QueueName.Mail });

/** One person's e-mail with the link to the published minutes: once per meeting. */
export function minutesPublishedDelivery({ meetingId, personId }: JobPayloads['send-minutes-published-mail']): DeliveryIdentity {
  return { key: `minutes-published:${meetingId}:${personId}`, kind: 'minutes-published', personId, subjectId: meetingId };
}
