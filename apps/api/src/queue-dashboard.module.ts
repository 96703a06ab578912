import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from '@app/outbox';

/** The queues as the dashboard shows them; the API holds them only to look, the worker runs them. */
export const DASHBOARD_QUEUES = Symbol('DASHBOARD_QUEUES');

@Module({
  imports: [BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })))],
  providers: [{ provide: DASHBOARD_QUEUES, inject: ALL_QUEUES.map((name) => getQueueToken(name)), useFactory: (...queues: Queue[]) => queues }],
  exports: [DASHBOARD_QUEUES],
})
export class QueueDashboardModule {}
