import { Module } from '@nestjs/common';

/** The relay, the reconciler and the queue processors. */
@Module({})
export class OutboxWorkerModule {}
