import { type JobContext, JobHandler, type JobHandlerOf, JobName, type JobPayloads, type JobResult } from '@app/outbox';
import { DeliveryService } from '@app/mail';
import { renderReminderEmail } from './reminder-email.template.js';
import { ReminderReasonsRepository } from './reminder-reasons.repository.js';

/**
 * Sends a due reminder to each person it is for, once per person and due day however often the job runs;
 * drops it when its reason has gone since it was scheduled.
 */
@JobHandler(JobName.SendReminder)
export class ReminderHandler implements JobHandlerOf<JobName.SendReminder> {
  constructor(
    private readonly reasons: ReminderReasonsRepository,
    private readonly deliveries: DeliveryService,
  ) {}

  async handle(payload: JobPayloads[JobName.SendReminder], job: JobContext): Promise<JobResult> {
    const reminder = await this.reasons.check(payload);
    if ('gone' in reminder) return { dropped: reminder.gone };
    if (!reminder.recipients.length) return { dropped: 'nobody holds the role the reminder is for' };
    for (const recipient of reminder.recipients) {
      await this.deliveries.sendOnce(
        {
          key: `reminder:${payload.kind}:${payload.subjectId}:${payload.dueOn}:${recipient.personId}`,
          kind: `${payload.kind}-reminder`,
          recipient: recipient.email,
          personId: recipient.personId,
          subjectId: reminder.meetingId ?? payload.subjectId,
          message: renderReminderEmail(recipient.name, reminder.facts),
        },
        job,
      );
    }
  }
}
