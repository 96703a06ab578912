import type { DeliveryIdentity } from '@app/mail';
import { defineJobs, type JobPayloads, QueueName } from '@app/outbox';
import type { NoticeContent } from './notice.js';

declare module '@app/outbox' {
  interface JobPayloads {
    /** One notice to one person; the address is read when it is sent. */
    'send-notice': { kind: string; subjectId: string; occasion: string; personId: string; content: NoticeContent };
  }
}

export const NOTICE_JOBS = defineJobs({ 'send-notice': QueueName.UrgentMail });

/** One person's e-mail of a notice: once per occasion. */
export function noticeDelivery({ kind, subjectId, occasion, personId }: JobPayloads['send-notice']): DeliveryIdentity {
  return { key: `${kind}:${subjectId}:${personId}:${occasion}`, kind, personId, subjectId };
}
