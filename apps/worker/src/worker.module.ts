import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CommissionRemindersModule } from '@app/commissions';
import { MeetingsWorkerModule } from '@app/meetings';
import { MinutesJobsModule } from '@app/minutes';
import { MailModule } from '@app/mail';
import { OutboxModule, OutboxWorkerModule } from '@app/outbox';
import { PeopleWorkerModule } from '@app/people';
import { PhaseRemindersModule } from '@app/process-plans';
import { RemindersWorkerModule } from '@app/reminders';

/** The background side: the outbox relay and reconciler, one processor per queue, and the feature modules whose job handlers and reminder checks they run. */
@Module({
  imports: [
    AuditModule,
    OutboxModule,
    OutboxWorkerModule,
    MailModule,
    PeopleWorkerModule,
    MeetingsWorkerModule,
    RemindersWorkerModule,
    MinutesJobsModule,
    CommissionRemindersModule,
    PhaseRemindersModule,
  ],
})
export class WorkerModule {}
