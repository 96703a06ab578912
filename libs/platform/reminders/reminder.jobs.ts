import { defineJobs, QueueName } from '@app/outbox';
import type { ReminderContent, ReminderRecipient, ScheduledReminder } from './reminder-kind.js';

/** One recipient's e-mail of a due reminder, as the reminder's fan-out decided it. */
export interface ReminderMail {
  reminder: ScheduledReminder;
  recipient: ReminderRecipient;
  content: ReminderContent;
  /** The subject whose deliveries list it. */
  listedUnder: string;
}

declare module '@app/outbox' {
  interface JobPayloads {
    /** Due: checks the reminder's reason and writes one `send-reminder-mail` per recipient. */
    'send-reminder': ScheduledReminder;
    'send-reminder-mail': ReminderMail;
  }
}

export const REMINDER_JOBS = defineJobs({ 'send-reminder': QueueName.Reminders, 'send-reminder-mail': QueueName.UrgentMail });
