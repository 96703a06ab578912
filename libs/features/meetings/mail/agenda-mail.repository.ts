import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { copenhagenDate } from '@app/domain';
import { SeatSql } from '@app/committees';
import { DeliverySql, type MailForMany } from '@app/mail';
import type { JobPayloads } from '@app/outbox';
import { PersonSql } from '@app/people';
import { PhaseSql } from '@app/process-plans';
import type { AgendaMailKind } from './agenda-mail.jobs.js';
import type { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { Meeting } from '../meeting/meeting.entity.js';

/** What an agenda e-mail shows: the meeting and, of each item, its number, title, time slot, whether it is closed (with its public title), withdrawn or sent late. */
export interface AgendaForMail extends MeetingSummaryDto {
  items: { number: number; title: string; startTime: string | null; endTime: string | null; closed: boolean; publicTitle: string | null; state: string; sentLateAt: Date | null }[];
}

export interface RoundRecipient {
  personId: string;
  /** Has been sent the meeting's agenda (first or updated) before. */
  informed: boolean;
}

/** A meeting as a round of its e-mails is written: locked, in the state and SEQUENCE of that moment. */
export interface MeetingForRound {
  id: string;
  committeeId: string;
  startsAt: Date;
  state: string;
  sequence: number;
}

/** A round's e-mail of one kind as rendered once for its members, with the invitation it carries. */
export interface RenderedRound {
  kind: AgendaMailKind;
  mail: MailForMany;
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/** What one member's agenda e-mail job reads before sending, in one statement (with its outbox row, when the processor runs it). */
export interface AgendaMailToSend {
  /** Null when the meeting no longer exists. */
  meeting: { state: string; sequence: number } | null;
  /** Null when the person no longer exists. */
  recipient: { name: string; email: string } | null;
  /** The round's e-mail of the job's kind and SEQUENCE; null for an e-mail of no round (a substitute called in). */
  round: RenderedRound | null;
}

/** The e-mails that tell a member the agenda: after either, an update is news to them rather than the whole agenda. */
const AGENDA_KINDS: readonly AgendaMailKind[] = ['agenda', 'agenda-update'];

/**
 * The reads of the agenda e-mails. Only what an e-mail may carry is selected: an item's texts never leave the
 * system by e-mail, closed or open, so a closed item's cannot leak through one.
 */
@Injectable()
export class AgendaMailRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly views: MeetingViewRepository,
  ) {}

  async agenda(meetingId: string): Promise<AgendaForMail | null> {
    const meeting = await this.views.summary(meetingId);
    if (!meeting) return null;
    const items: AgendaForMail['items'] = await this.unitOfWork.outside.query(
      `SELECT number, title, start_time AS "startTime", end_time AS "endTime", closed, public_title AS "publicTitle", state, sent_late_at AS "sentLateAt" FROM agenda_item WHERE meeting_id = $1 ORDER BY number`,
      [meetingId],
    );
    return { ...meeting, items };
  }

  /**
   * What a member's agenda e-mail job reads, as one jsonb expression over its payload (`payload`, the SQL expression
   * of the outbox row's jsonb): folded into the fetch of the row, or run alone (toSend).
   */
  toSendSql(payload: string): string {
    const field = (name: string) => `(${payload} ->> '${name}')`;
    return `jsonb_build_object(
      'meeting', (SELECT jsonb_build_object('state', m.state, 'sequence', m.sequence) FROM meeting m WHERE m.id = ${field('meetingId')}::uuid),
      'recipient', (SELECT jsonb_build_object('name', p.name, 'email', p.email) FROM ${PersonSql.table('p')} WHERE p.id = ${field('personId')}::uuid),
      'round', (SELECT jsonb_build_object('kind', r.kind, 'mail', jsonb_build_object('subject', r.subject, 'text', r.text_parts, 'html', r.html_parts),
                                          'calendar', jsonb_build_object('method', r.calendar_method, 'content', r.calendar))
                  FROM agenda_mail_round r
                 WHERE ${field('fromRound')} = 'true' AND r.meeting_id = ${field('meetingId')}::uuid AND r.kind = ${field('kind')} AND r.sequence = ${field('sequence')}::int))`;
  }

  async toSend(mail: JobPayloads['send-agenda-mail']): Promise<AgendaMailToSend> {
    const [row]: { toSend: AgendaMailToSend }[] = await this.unitOfWork.outside.query(`SELECT ${this.toSendSql('$1::jsonb')} AS "toSend"`, [JSON.stringify(mail)]);
    return row.toSend;
  }

  /**
   * Records the round's e-mails, one per kind, in the transaction that writes the round's jobs; the rounds of earlier
   * SEQUENCEs, whose jobs are dropped, go in the same statement.
   */
  async saveRounds(tx: Transaction, meetingId: string, sequence: number, rounds: readonly RenderedRound[]): Promise<void> {
    if (!rounds.length) return;
    const column = (pick: (round: RenderedRound) => unknown) => rounds.map(pick);
    await tx.query(
      `WITH earlier AS (DELETE FROM agenda_mail_round WHERE meeting_id = $1 AND sequence < $2)
       INSERT INTO agenda_mail_round (meeting_id, kind, sequence, subject, text_parts, html_parts, calendar_method, calendar)
       SELECT $1, kind, $2, subject, ARRAY(SELECT jsonb_array_elements_text(text_parts)), ARRAY(SELECT jsonb_array_elements_text(html_parts)), calendar_method, calendar
         FROM unnest($3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[]) AS t(kind, subject, text_parts, html_parts, calendar_method, calendar)
       ON CONFLICT (meeting_id, kind, sequence) DO UPDATE
         SET subject = EXCLUDED.subject, text_parts = EXCLUDED.text_parts, html_parts = EXCLUDED.html_parts,
             calendar_method = EXCLUDED.calendar_method, calendar = EXCLUDED.calendar, created_at = now()`,
      [
        meetingId,
        sequence,
        column((round) => round.kind),
        column((round) => round.mail.subject),
        column((round) => JSON.stringify(round.mail.text)),
        column((round) => JSON.stringify(round.mail.html)),
        column((round) => round.calendar.method),
        column((round) => round.calendar.content),
      ],
    );
  }

  /** Takes the meeting's row lock, which the changes that start or join a round hold too. */
  async lockForRound(tx: Transaction, meetingId: string): Promise<MeetingForRound | undefined> {
    const [meeting]: MeetingForRound[] = await tx.query(
      `SELECT id, committee_id AS "committeeId", starts_at AS "startsAt", state, sequence FROM meeting WHERE id = $1 FOR UPDATE`,
      [meetingId],
    );
    return meeting;
  }

  /** Raises the calendar SEQUENCE: calendars replace an invitation only when it rises (RFC 5546). */
  async raiseSequence(tx: Transaction, meetingId: string): Promise<void> {
    await tx.increment(Meeting, { id: meetingId }, 'sequence', 1);
  }

  /**
   * Who gets a meeting's e-mails: everyone seated in the committee on the meeting's day (those who will sit at it),
   * the substitutes called in for it, and everyone invited to the committee's running phase. A cancellation also reaches whoever was sent the
   * invitation before, so it leaves no calendar with a meeting that will not take place.
   */
  async recipients(tx: Transaction, meeting: { id: string; committeeId: string; startsAt: Date }, kind: AgendaMailKind): Promise<RoundRecipient[]> {
    return tx.query(
      `WITH informed AS ${DeliverySql.sentAbout('$3', '$5::text[]')},
       invited AS (
         SELECT s.person_id FROM ${SeatSql.seatedOn('$1', '$2')} s
         UNION
         SELECT sub.person_id FROM attendance sub WHERE sub.meeting_id = $3 AND sub.substitute_for IS NOT NULL
         UNION
         SELECT a.person_id FROM ${PhaseSql.activePhaseParticipants('$1')} a
         UNION
         SELECT person_id FROM informed WHERE $4)
       SELECT i.person_id AS "personId", (f.person_id IS NOT NULL) AS informed
         FROM invited i LEFT JOIN informed f ON f.person_id = i.person_id
        ORDER BY i.person_id`,
      [meeting.committeeId, copenhagenDate(meeting.startsAt), meeting.id, kind === 'agenda-cancellation', AGENDA_KINDS],
    );
  }
}
