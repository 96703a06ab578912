import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';

/** Lets any feature record side effects in its transaction; the API needs only this half. */
@Global()
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
