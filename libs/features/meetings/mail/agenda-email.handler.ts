import { addressMail, DeliveryService } from '@app/mail';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult } from '@app/outbox';
import { agendaMailDelivery } from './agenda-mail.jobs.js';
import { type AgendaMailToSend, AgendaMailRepository, type RenderedRound } from './agenda-mail.repository.js';
import { AgendaMailRounds } from './agenda-mail-rounds.js';

/**
 * Sends one member one e-mail about a meeting, with the calendar invitation, once however often the job runs
 * (the key names meeting, person and SEQUENCE). An e-mail for a SEQUENCE the meeting has since left is dropped:
 * the round for the newer one is on its way and carries everything. The e-mail is the round's, rendered once by the
 * fan-out and read with the job's outbox row, so a member's e-mail costs three statements: that read, the claim
 * and the record of it sent.
 */
@JobHandler('send-agenda-mail')
export class AgendaEmailHandler implements JobHandlerOf<'send-agenda-mail'> {
  constructor(
    private readonly mails: AgendaMailRepository,
    private readonly rounds: AgendaMailRounds,
    private readonly deliveries: DeliveryService,
  ) {}

  readWithRow(payload: string): string {
    return this.mails.toSendSql(payload);
  }

  async handle(mail: JobPayloads['send-agenda-mail'], job: JobContext): Promise<JobResult> {
    const { kind, sequence } = mail;
    const delivery = agendaMailDelivery(mail);
    const key = delivery.key;
    const { meeting, recipient, round } = (job.readWithRow as AgendaMailToSend | undefined) ?? (await this.mails.toSend(mail));
    if (!meeting) return this.deliveries.withdraw(key, 'the meeting no longer exists');
    if (!recipient) return this.deliveries.withdraw(key, 'the person no longer exists');
    const expectedState = kind === 'agenda-cancellation' ? 'cancelled' : 'published';
    if (meeting.state !== expectedState) return this.deliveries.withdraw(key, `the meeting is ${meeting.state}`);
    if (meeting.sequence !== sequence) return this.deliveries.withdraw(key, `the meeting changed again (SEQUENCE ${meeting.sequence}); the e-mail about that goes out instead`);

    const rendered = round ?? (await this.renderedAlone(mail));
    if (typeof rendered === 'string') return this.deliveries.withdraw(key, rendered);
    return this.deliveries.sendAsTheJob(
      { ...delivery, recipient: recipient.email, message: { ...addressMail(rendered.mail, recipient.name), calendar: rendered.calendar } },
      job,
    );
  }

  /** An e-mail of no round (a substitute called in) is rendered for its one member, as the meeting now stands; else why it is not sent. */
  private async renderedAlone({ meetingId, kind, sequence }: JobPayloads['send-agenda-mail']): Promise<RenderedRound | string> {
    const rendered = await this.rounds.render(meetingId, [kind]);
    if (!rendered) return 'the meeting no longer exists';
    if (rendered.agenda.sequence !== sequence) return `the meeting changed again (SEQUENCE ${rendered.agenda.sequence}); the e-mail about that goes out instead`;
    return rendered.rounds[0];
  }
}
