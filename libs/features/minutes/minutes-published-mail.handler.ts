import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { danishMeetingDate } from '@app/domain';
import { MeetingViewRepository } from '@app/meetings';
import { DeliveryService } from '@app/mail';
import { type JobContext, JobHandler, type JobHandlerOf, JobName, type JobPayloads, type JobResult } from '@app/outbox';
import { Person } from '@app/people';
import { minutesDocumentUrl } from './minutes-urls.js';
import { Minutes } from './minutes.entity.js';
import { renderMinutesPublishedEmail } from './minutes-published-email.template.js';

/** Mails one member the link to published minutes; once, however often the job runs. */
@JobHandler(JobName.SendMinutesPublishedMail)
export class MinutesPublishedMailHandler implements JobHandlerOf<JobName.SendMinutesPublishedMail> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: MeetingViewRepository,
    private readonly deliveries: DeliveryService,
    private readonly config: AppConfig,
  ) {}

  async handle({ meetingId, personId }: JobPayloads[JobName.SendMinutesPublishedMail], job: JobContext): Promise<JobResult> {
    const [minutes, meeting, person] = await Promise.all([
      this.dataSource.getRepository(Minutes).findOneBy({ meetingId }),
      this.views.summary(meetingId),
      this.dataSource.getRepository(Person).findOneBy({ id: personId }),
    ]);
    if (!minutes || minutes.state !== 'published' || !meeting) return { dropped: 'the minutes are no longer published' };
    if (!person) return { dropped: 'the person no longer exists' };
    const base = this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    return this.deliveries.sendAsTheJob(
      {
        key: `minutes-published:${meetingId}:${personId}`,
        kind: 'minutes-published',
        recipient: person.email,
        personId,
        subjectId: meetingId,
        message: renderMinutesPublishedEmail({
          name: person.name,
          committeeName: meeting.committeeName,
          meetingDate: danishMeetingDate(new Date(meeting.startsAt)),
          publicUrl: `${base}${minutesDocumentUrl(meetingId, 'public', 'pdf', true)}`,
          membersUrl: `${base}${minutesDocumentUrl(meetingId, 'members', 'pdf', true)}`,
        }),
      },
      job,
    );
  }
}
