import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { copenhagenDate } from '@app/domain';
import { SeatSql } from '@app/committees';
import { DeliverySql } from '@app/mail';
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
