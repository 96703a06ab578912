import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { ReminderScheduler } from '@app/reminders';
import type { ScheduledMeeting } from './agenda-deadline.reminder.js';

declare module '@app/reminders' {
  interface ReminderSubjects {
    /** Scheduled by the meetings when a meeting is held; its day and reason check are the minutes' (MinutesUnsignedReminder). */
    'minutes-unsigned': ScheduledMeeting;
  }
}

/** The reminders a meeting's changes schedule: of its agenda while it is planned, of its minutes once it is held. */
@Injectable()
export class MeetingReminders {
  constructor(private readonly scheduler: ReminderScheduler) {}

  scheduleAgendaDeadline(tx: Transaction, meeting: ScheduledMeeting): Promise<void> {
    return this.scheduler.schedule(tx, 'agenda-deadline', meeting);
  }

  scheduleMinutesSignature(tx: Transaction, meeting: ScheduledMeeting): Promise<void> {
    return this.scheduler.schedule(tx, 'minutes-unsigned', meeting);
  }
}
