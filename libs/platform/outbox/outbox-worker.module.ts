import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { OutboxFailures } from './outbox-failures.service.js';
import { OutboxNotificationListener } from './outbox-notification.listener.js';
import { QUEUE_PROCESSORS } from './outbox-queue.processor.js';
import { ALL_QUEUES, OutboxQueues } from './outbox-queues.js';
import { OutboxReconcilerService } from './outbox-reconciler.service.js';
import { OutboxRelayService } from './outbox-relay.service.js';

/** The relay, the reconciler and the queue processors (beside OutboxModule, which holds the outbox's table); the job handlers live in the feature modules. */
@Module({
  imports: [DiscoveryModule, BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })))],
  providers: [
    JobHandlerRegistry,
    OutboxFailures,
    OutboxNotificationListener,
    OutboxQueues.provider(),
    OutboxRelayService,
    OutboxReconcilerService,
    ...Object.values(QUEUE_PROCESSORS),
  ],
  exports: [OutboxRelayService, OutboxReconcilerService, OutboxQueues],
})
export class OutboxWorkerModule {}
