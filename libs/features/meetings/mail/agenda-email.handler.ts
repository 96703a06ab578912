import { AppConfig, type WebPages } from '@app/config';
import { buildMeetingInvitation } from '@app/domain';
import { DeliveryService } from '@app/mail';
import { MailRecipientRepository } from '@app/people';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { renderAgendaEmail } from './agenda-email.template.js';
import { agendaMailDelivery } from './agenda-mail.jobs.js';
import { AgendaMailRepository } from './agenda-mail.repository.js';
import { MeetingInvitationService } from '../invitation/meeting-invitation.service.js';

/**
 * Sends one member one e-mail about a meeting, with the calendar invitation, once however often the job runs
 * (the key names meeting, person and SEQUENCE). An e-mail for a SEQUENCE the meeting has since left is dropped:
 * the round for the newer one is on its way and carries everything.
 */
@JobHandler('send-agenda-mail')
export class AgendaEmailHandler implements JobHandlerOf<'send-agenda-mail'> {
  private readonly pages: WebPages;

  constructor(
    private readonly mails: AgendaMailRepository,
    private readonly recipients: MailRecipientRepository,
    private readonly invitations: MeetingInvitationService,
    private readonly deliveries: DeliveryService,
    config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  async handle(mail: JobPayloads['send-agenda-mail'], job: JobContext): Promise<JobResult> {
    const { meetingId, personId, kind, sequence } = mail;
    const delivery = agendaMailDelivery(mail);
    const key = delivery.key;
    const [agenda, person] = await Promise.all([this.mails.agenda(meetingId), this.recipients.find(personId)]);
    if (!agenda) return this.deliveries.withdraw(key, 'the meeting no longer exists');
    if (!person) return this.deliveries.withdraw(key, 'the person no longer exists');
    const expectedState = kind === 'agenda-cancellation' ? 'cancelled' : 'published';
    if (agenda.state !== expectedState) return this.deliveries.withdraw(key, `the meeting is ${agenda.state}`);
    if (agenda.sequence !== sequence) return this.deliveries.withdraw(key, `the meeting changed again (SEQUENCE ${agenda.sequence}); the e-mail about that goes out instead`);

    // The same invitation the meeting's calendar file serves, so calendars see one event whichever they got first.
    const invitation = await this.invitations.invitation(agenda);
    const meetingUrl = this.pages.meeting(meetingId);
    return this.deliveries.sendAsTheJob(
      {
        ...delivery,
        recipient: person.email,
        message: {
          ...renderAgendaEmail({ kind, recipientName: person.name, agenda, meetingUrl }),
          calendar: { method: invitation.method === 'CANCEL' ? 'CANCEL' : 'REQUEST', content: buildMeetingInvitation(invitation) },
        },
      },
      job,
    );
  }
}
