import { UnitOfWork } from '@app/database';
import { type DeliveryAddressed, DeliveryIntents, DeliveryService } from '@app/mail';
import { type JobContext, JobHandler, type JobHandlerOf, type JobResult, OutboxService } from '@app/outbox';
import { renderReminderEmail } from './reminder-email.template.js';
import type { ScheduledReminder } from './reminder-kind.js';
import type { ReminderMail } from './reminder.jobs.js';
import { ReminderRegistry } from './reminder-registry.js';

/** The delivery of one recipient's e-mail of a reminder: once per person and due day, however often the jobs run. */
function reminderDelivery({ reminder, recipient, listedUnder }: Omit<ReminderMail, 'content'>): DeliveryAddressed {
  return {
    key: `reminder:${reminder.kind}:${reminder.subjectId}:${reminder.dueOn}:${recipient.personId}`,
    kind: `${reminder.kind}-reminder`,
    recipient: recipient.email,
    personId: recipient.personId,
    subjectId: listedUnder,
  };
}

/**
 * A due reminder whose reason still holds becomes one e-mail job per person it is for, with each person's delivery
 * recorded `pending` in the same transaction that finishes the reminder: one recipient's refusal or failure never
 * stops another's, and killed midway it wrote nothing. Dropped when its reason has gone since it was scheduled.
 */
@JobHandler('send-reminder')
export class ReminderHandler implements JobHandlerOf<'send-reminder'> {
  constructor(
    private readonly registry: ReminderRegistry,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly deliveries: DeliveryIntents,
  ) {}

  async handle(payload: ScheduledReminder, job: JobContext): Promise<JobResult> {
    const reminder = await this.registry.of(payload.kind).check(payload);
    if ('gone' in reminder) return { dropped: reminder.gone };
    if (!reminder.recipients.length) return { dropped: 'nobody holds the role the reminder is for' };
    const listedUnder = reminder.listedUnder ?? payload.subjectId;
    const mails: ReminderMail[] = reminder.recipients.map((recipient) => ({ reminder: payload, recipient, content: reminder.content, listedUnder }));
    return this.unitOfWork.run(async (tx) => {
      if (!(await this.outbox.finishRunning(tx, job.outboxMessageId, job.attempt))) return { dropped: 'the reminder’s e-mails were already written or it was replaced' };
      await this.deliveries.record(tx, mails.map(reminderDelivery));
      await this.outbox.addMany(tx, 'send-reminder-mail', mails);
      return undefined;
    });
  }
}

/** Sends one person their e-mail of a reminder; a refusal for good (5xx) ends it failed after that one attempt. */
@JobHandler('send-reminder-mail')
export class ReminderMailHandler implements JobHandlerOf<'send-reminder-mail'> {
  constructor(private readonly deliveries: DeliveryService) {}

  handle(mail: ReminderMail, job: JobContext): Promise<JobResult> {
    return this.deliveries.sendAsTheJob({ ...reminderDelivery(mail), message: renderReminderEmail(mail.recipient.name, mail.content) }, job);
  }
}
