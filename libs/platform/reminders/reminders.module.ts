import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MailModule } from '@app/mail';
import { ReminderRegistry } from './reminder-registry.js';
import { ReminderHandler, ReminderMailHandler } from './reminder.handler.js';
import { ReminderScheduler } from './reminder.scheduler.js';

/** Scheduling reminders, for the features whose changes give them their reason or move their date. */
@Module({ imports: [DiscoveryModule], providers: [ReminderRegistry, ReminderScheduler], exports: [ReminderRegistry, ReminderScheduler] })
export class RemindersModule {}

/** Sending reminders when they are due; only the worker registers it, beside the features' modules that feed each kind. */
@Module({ imports: [RemindersModule, MailModule], providers: [ReminderHandler, ReminderMailHandler] })
export class RemindersWorkerModule {}
