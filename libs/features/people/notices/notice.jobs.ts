import { defineJobs, QueueName } from '@app/outbox';
import type { NoticeContent } from './notice.js';

declare module '@app/outbox' {
  interface JobPayloads {
    /** One notice to one person; the address is read when it is sent. */
    'send-notice': { kind: string; subjectId: string; occasion: string; personId: string; content: NoticeContent };
  }
}

export const NOTICE_JOBS = defineJobs({ 'send-notice': QueueName.UrgentMail });
