import { composeLetter, DeliveryService, type MailContent } from '@app/mail';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { MailRecipientRepository } from '../mail-recipient.repository.js';
import type { NoticeContent } from './notice.js';
import { noticeDelivery } from './notice.jobs.js';

/** A notice's e-mail, in Danish, to one person: the content in the frame every notice shares. */
export function renderNoticeEmail(recipientName: string, content: NoticeContent): MailContent {
  return composeLetter(recipientName, content, 'Denne besked sendes automatisk fra udvalgsarbejdet.');
}

/** Sends one notice to one person, once however often the job runs, to the address they have when it is sent. */
@JobHandler('send-notice')
export class NoticeEmailHandler implements JobHandlerOf<'send-notice'> {
  constructor(
    private readonly recipients: MailRecipientRepository,
    private readonly deliveries: DeliveryService,
  ) {}

  async handle(notice: JobPayloads['send-notice'], job: JobContext): Promise<JobResult> {
    const delivery = noticeDelivery(notice);
    const person = await this.recipients.find(notice.personId);
    if (!person) return this.deliveries.withdraw(delivery.key, 'the person no longer exists');
    return this.deliveries.sendAsTheJob({ ...delivery, recipient: person.email, message: renderNoticeEmail(person.name, notice.content) }, job);
  }
}
