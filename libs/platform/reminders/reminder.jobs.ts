import { defineJobs, QueueName } from '@app/outbox';
import type { ScheduledReminder } from './reminder-kind.js';

declare module '@app/outbox' {
  interface JobPayloads {
    'send-reminder': ScheduledReminder;
  }
}

export const REMINDER_JOBS = defineJobs({ 'send-reminder': QueueName.Reminders });
