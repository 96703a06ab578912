import { DeliveryService } from '@app/mail';
import { type JobContext, JobHandler, type JobHandlerOf, type JobResult } from '@app/outbox';
import { renderReminderEmail } from './reminder-email.template.js';
import type { ScheduledReminder } from './reminder-kind.js';
import { ReminderRegistry } from './reminder-registry.js';

/**
 * Sends a due reminder to each person it is for, once per person and due day however often the job runs;
 * drops it when its reason has gone since it was scheduled.
 */
@JobHandler('send-reminder')
export class ReminderHandler implements JobHandlerOf<'send-reminder'> {
  constructor(
    private readonly registry: ReminderRegistry,
    private readonly deliveries: DeliveryService,
  ) {}

  async handle(payload: ScheduledReminder, job: JobContext): Promise<JobResult> {
    const reminder = await this.registry.of(payload.kind).check(payload);
    if ('gone' in reminder) return { dropped: reminder.gone };
    if (!reminder.recipients.length) return { dropped: 'nobody holds the role the reminder is for' };
    for (const recipient of reminder.recipients) {
      await this.deliveries.sendOnce(
        {
          key: `reminder:${payload.kind}:${payload.subjectId}:${payload.dueOn}:${recipient.personId}`,
          kind: `${payload.kind}-reminder`,
          recipient: recipient.email,
          personId: recipient.personId,
          subjectId: reminder.listedUnder ?? payload.subjectId,
          message: renderReminderEmail(recipient.name, reminder.content),
        },
        job,
      );
    }
  }
}
