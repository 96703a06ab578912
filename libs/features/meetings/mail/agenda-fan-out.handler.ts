import { UnitOfWork } from '@app/database';
import { type JobContext, JobHandler, type JobHandlerOf, type JobPayloads, type JobResult, OutboxService } from '@app/outbox';
import { IntendedMail } from '@app/people';
import { agendaMailDelivery } from './agenda-mail.jobs.js';
import { AgendaMailRepository } from './agenda-mail.repository.js';
import { AgendaMailRounds } from './agenda-mail-rounds.js';

/**
 * Turns one round of a meeting's e-mails into one job per recipient, in one transaction that also finishes the
 * round: killed midway it wrote nothing, and run twice it writes once. It reads the recipients and the SEQUENCE
 * as they are when it runs, under the meeting's row lock, which the changes that start or join a round hold too.
 * Each recipient's delivery is recorded `pending` in it as well, so the deliveries list the whole round at once.
 * The round's e-mail is rendered here, once for all (one per kind its recipients get), and recorded with the jobs:
 * each recipient's job only puts their name in.
 */
@JobHandler('fan-out-agenda-mail')
export class AgendaFanOutHandler implements JobHandlerOf<'fan-out-agenda-mail'> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly mails: AgendaMailRepository,
    private readonly intendedMail: IntendedMail,
    private readonly rounds: AgendaMailRounds,
  ) {}

  handle({ meetingId, kind }: JobPayloads['fan-out-agenda-mail'], job: JobContext): Promise<JobResult> {
    return this.unitOfWork.run(async (tx) => {
      const meeting = await this.mails.lockForRound(tx, meetingId);
      const expectedState = kind === 'agenda-cancellation' ? 'cancelled' : 'published';
      const gone = !meeting ? 'the meeting no longer exists' : meeting.state !== expectedState ? `the meeting is ${meeting.state}` : null;
      if (!(await this.outbox.finishRunning(tx, job.outboxMessageId, job.attempt, gone ? 'dropped' : 'done'))) {
        return { dropped: 'this round of e-mails was already written or was replaced' };
      }
      if (!meeting || gone) return { dropped: gone as string };
      const recipients = await this.mails.recipients(tx, meeting, kind);
      const mails = recipients.map(({ personId, informed }) => ({
        meetingId,
        personId,
        // Someone who never had the agenda (seated since, or whose e-mail a quick change overtook) gets it whole, not as a change.
        kind: kind === 'agenda-update' && !informed ? ('agenda' as const) : kind,
        sequence: meeting.sequence,
        fromRound: true,
      }));
      if (!mails.length) return;
      // Read under the meeting's row lock, which every change of what the e-mail says takes: the meeting as this SEQUENCE has it.
      const rendered = await this.rounds.render(meetingId, [...new Set(mails.map((mail) => mail.kind))]);
      if (!rendered) return { dropped: 'the meeting no longer exists' };
      await this.mails.saveRounds(tx, meetingId, meeting.sequence, rendered.rounds);
      await this.intendedMail.record(tx, mails, agendaMailDelivery);
      await this.outbox.addMany(tx, 'send-agenda-mail', mails);
    });
  }
}
