import { AppConfig } from '@app/config';
import { runningDateTime } from '@app/domain';
import { MeetingViewRepository } from '@app/meetings';
import { DeliveryService } from '@app/mail';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { MailRecipientRepository } from '@app/people';
import { MinutesMailRepository } from './minutes-mail.repository.js';
import { minutesPublishedDelivery } from './minutes.jobs.js';
import { renderMinutesPublishedEmail } from './minutes-published-email.template.js';

/** Mails one member the link to published minutes; once, however often the job runs. */
@JobHandler('send-minutes-published-mail')
export class MinutesPublishedMailHandler implements JobHandlerOf<'send-minutes-published-mail'> {
  constructor(
    private readonly minutes: MinutesMailRepository,
    private readonly views: MeetingViewRepository,
    private readonly recipients: MailRecipientRepository,
    private readonly deliveries: DeliveryService,
    private readonly config: AppConfig,
  ) {}

  async handle(mail: JobPayloads['send-minutes-published-mail'], job: JobContext): Promise<JobResult> {
    const { meetingId, personId } = mail;
    const delivery = minutesPublishedDelivery(mail);
    const [published, meeting, person] = await Promise.all([this.minutes.published(meetingId), this.views.summary(meetingId), this.recipients.find(personId)]);
    if (!published || !meeting) return this.deliveries.withdraw(delivery.key, 'the minutes are no longer published');
    if (!person) return this.deliveries.withdraw(delivery.key, 'the person no longer exists');
    const pages = this.config.webPages;
    return this.deliveries.sendAsTheJob(
      {
        ...delivery,
        recipient: person.email,
        message: renderMinutesPublishedEmail({
          name: person.name,
          committeeName: meeting.committeeName,
          meetingDate: runningDateTime(meeting.startsAt),
          publicUrl: pages.publicMeeting(meetingId),
          membersUrl: pages.meeting(meetingId),
        }),
      },
      job,
    );
  }
}
