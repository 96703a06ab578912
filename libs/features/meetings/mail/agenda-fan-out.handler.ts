import { DataSource } from 'typeorm';
import { type JobContext, JobHandler, type JobHandlerOf, JobName, type JobPayloads, type JobResult, OutboxService } from '@app/outbox';
import { AgendaMailRepository } from './agenda-mail.repository.js';

/**
 * Turns one round of a meeting's e-mails into one job per recipient, in one transaction that also finishes the
 * round: killed midway it wrote nothing, and run twice it writes once. It reads the recipients and the SEQUENCE
 * as they are when it runs, under the meeting's row lock, which the changes that start or join a round hold too.
 */
@JobHandler(JobName.FanOutAgendaMail)
export class AgendaFanOutHandler implements JobHandlerOf<JobName.FanOutAgendaMail> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly mails: AgendaMailRepository,
  ) {}

  handle({ meetingId, kind }: JobPayloads[JobName.FanOutAgendaMail], job: JobContext): Promise<JobResult> {
    return this.dataSource.transaction(async (manager) => {
      const [meeting]: { id: string; committee_id: string; starts_at: Date; state: string; sequence: number }[] = await manager.query(
        `SELECT id, committee_id, starts_at, state, sequence FROM meeting WHERE id = $1 FOR UPDATE`,
        [meetingId],
      );
      const expectedState = kind === 'agenda-cancellation' ? 'cancelled' : 'published';
      const gone = !meeting ? 'the meeting no longer exists' : meeting.state !== expectedState ? `the meeting is ${meeting.state}` : null;
      if (!(await this.outbox.finishRunning(manager, job.outboxMessageId, job.attempt, gone ? 'dropped' : 'done'))) {
        return { dropped: 'this round of e-mails was already written or was replaced' };
      }
      if (gone) return { dropped: gone };
      const recipients = await this.mails.recipients(manager, { id: meeting.id, committeeId: meeting.committee_id, startsAt: meeting.starts_at }, kind);
      await this.outbox.addMany(
        manager,
        JobName.SendAgendaMail,
        recipients.map(({ personId, informed }) => ({
          meetingId,
          personId,
          // Someone who never had the agenda (seated since, or whose e-mail a quick change overtook) gets it whole, not as a change.
          kind: kind === 'agenda-update' && !informed ? 'agenda' : kind,
          sequence: meeting.sequence,
        })),
      );
    });
  }
}
