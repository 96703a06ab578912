import { Module } from '@nestjs/common';
import { MeetingRemindersModule } from '@app/meetings';
import { MinutesPersistenceModule } from './minutes-persistence.module.js';
import { MinutesReminderRepository } from './minutes-reminder.repository.js';
import { MinutesUnsignedReminder } from './minutes-unsigned.reminder.js';

/** The reminder of minutes still unsigned: scheduled by the API, checked by the worker, so both import it. */
@Module({ imports: [MinutesPersistenceModule, MeetingRemindersModule], providers: [MinutesUnsignedReminder, MinutesReminderRepository], exports: [MeetingRemindersModule, MinutesReminderRepository] })
export class MinutesRemindersModule {}
