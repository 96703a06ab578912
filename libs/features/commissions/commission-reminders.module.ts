import { Module } from '@nestjs/common';
import { RemindersModule } from '@app/reminders';
import { WorkflowHistoryRepository } from '@app/workflows';
import { CommissionApprovalReminder } from './commission-approval.reminder.js';
import { CommissionReminderRepository } from './commission-reminder.repository.js';
import { CommissionsPersistenceModule } from './commissions-persistence.module.js';

/**
 * The reminder of a kommissorium awaiting approval: scheduled by the API, checked by the worker, so both import it.
 * Provides the workflow history itself, as a worker-only process has no workflows module.
 */
@Module({
  imports: [CommissionsPersistenceModule, RemindersModule],
  providers: [CommissionApprovalReminder, CommissionReminderRepository, WorkflowHistoryRepository],
  exports: [CommissionApprovalReminder, CommissionReminderRepository],
})
export class CommissionRemindersModule {}
