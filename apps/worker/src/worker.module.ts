import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { MeetingsWorkerModule } from '@app/meetings';
import { MinutesJobsModule } from '@app/minutes';
import { MailModule } from '@app/mail';
import { OutboxModule, OutboxWorkerModule } from '@app/outbox';
import { PeopleWorkerModule } from '@app/people';
import { RemindersWorkerModule } from '@app/reminders';

/** The background side: the outbox relay and reconciler, one processor per queue, and the feature modules whose job handlers they run. */
@Module({
  imports: [AuditModule, OutboxModule, OutboxWorkerModule, MailModule, PeopleWorkerModule, MeetingsWorkerModule, RemindersWorkerModule, MinutesJobsModule],
})
export class WorkerModule {}
