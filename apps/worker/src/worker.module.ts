import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { OutboxWorkerModule } from '@app/outbox';

/** The background side: the outbox relay and reconciler, one processor per queue, and the feature modules whose job handlers they run. */
@Module({
  imports: [AuditModule, OutboxWorkerModule, NotificationsModule],
})
export class WorkerModule {}
