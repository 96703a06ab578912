import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxMessageRepository } from './outbox-message.repository.js';
import { OutboxService } from './outbox.service.js';

/** Lets any feature record side effects in its transaction; the API needs only this half. */
@Global()
@Module({ imports: [TypeOrmModule.forFeature([OutboxMessage])], providers: [OutboxMessageRepository, OutboxService], exports: [OutboxMessageRepository, OutboxService] })
export class OutboxModule {}
