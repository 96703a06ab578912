import { Module } from '@nestjs/common';
import { MailModule } from '@app/mail';
import { ReminderReasonsRepository } from './reminder-reasons.repository.js';
import { ReminderHandler } from './reminder.handler.js';
import { ReminderScheduler } from './reminder.scheduler.js';

/** Scheduling reminders, for the features whose changes give them their reason or move their date. */
@Module({ providers: [ReminderScheduler], exports: [ReminderScheduler] })
export class RemindersModule {}

/** Sending reminders when they are due; only the worker registers it. */
@Module({ imports: [MailModule], providers: [ReminderReasonsRepository, ReminderHandler] })
export class RemindersWorkerModule {}
