import { Module } from '@nestjs/common';
import { RemindersModule } from '@app/reminders';
import { PhaseEndingReminder } from './phase-ending.reminder.js';
import { PhaseReminderRepository } from './phase-reminder.repository.js';
import { ProcessPlansPersistenceModule } from './process-plans-persistence.module.js';

/** The reminder of a phase about to end: scheduled by the API, checked by the worker, so both import it. */
@Module({ imports: [ProcessPlansPersistenceModule, RemindersModule], providers: [PhaseEndingReminder, PhaseReminderRepository], exports: [PhaseEndingReminder] })
export class PhaseRemindersModule {}
