import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { OutboxService } from '@app/outbox';
import type { Notice } from './notice.js';
import './notice.jobs.js';

/** Sends notices: one outbox row per recipient, written in the transaction of the change they tell of. */
@Injectable()
export class NoticeMailer {
  constructor(private readonly outbox: OutboxService) {}

  async send(tx: Transaction, { recipientIds, ...notice }: Notice): Promise<void> {
    const unique = [...new Set(recipientIds)];
    await this.outbox.addMany(
      tx,
      'send-notice',
      unique.map((personId) => ({ ...notice, personId })),
    );
  }
}
