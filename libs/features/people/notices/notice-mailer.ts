import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { OutboxService } from '@app/outbox';
import { IntendedMail } from '../intended-mail.js';
import type { Notice } from './notice.js';
import { noticeDelivery } from './notice.jobs.js';

/**
 * Sends notices: one outbox row per recipient, and their deliveries recorded `pending`, written in the transaction
 * of the change they tell of.
 */
@Injectable()
export class NoticeMailer {
  constructor(
    private readonly outbox: OutboxService,
    private readonly intendedMail: IntendedMail,
  ) {}

  async send(tx: Transaction, { recipientIds, ...notice }: Notice): Promise<void> {
    const mails = [...new Set(recipientIds)].map((personId) => ({ ...notice, personId }));
    await this.intendedMail.record(tx, mails, noticeDelivery);
    await this.outbox.addMany(tx, 'send-notice', mails);
  }
}
