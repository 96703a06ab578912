import { Module } from '@nestjs/common';
import { RemindersModule } from '@app/reminders';
import { MeetingsPersistenceModule } from '../meetings-persistence.module.js';
import { AgendaDeadlineReminder } from './agenda-deadline.reminder.js';
import { MeetingReminderRepository } from './meeting-reminder.repository.js';
import { MeetingReminders } from './meeting-reminders.js';

/** The reminders about meetings: scheduled by the API, checked by the worker, so both import it. */
@Module({
  imports: [MeetingsPersistenceModule, RemindersModule],
  providers: [AgendaDeadlineReminder, MeetingReminderRepository, MeetingReminders],
  exports: [RemindersModule, MeetingReminderRepository, MeetingReminders],
})
export class MeetingRemindersModule {}
