import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { copenhagenDate } from '@app/domain';
import type { AgendaMailKind } from '@app/outbox';
import type { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';

/** What an agenda e-mail shows: the meeting and, of each item, its number, title, time slot and whether it is closed. */
export interface AgendaForMail extends MeetingSummaryDto {
  items: { number: number; title: string; startTime: string | null; endTime: string | null; closed: boolean }[];
}

export interface MailRecipient {
  id: string;
  name: string;
  email: string;
}

export interface RoundRecipient {
  personId: string;
  /** Has been sent the meeting's agenda (first or updated) before. */
  informed: boolean;
}

/**
 * The reads of the agenda e-mails. Only what an e-mail may carry is selected: an item's texts never leave the
 * system by e-mail, closed or open, so a closed item's cannot leak through one.
 */
@Injectable()
export class AgendaMailRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: MeetingViewRepository,
  ) {}

  async agenda(meetingId: string): Promise<AgendaForMail | null> {
    const meeting = await this.views.summary(meetingId);
    if (!meeting) return null;
    const items: AgendaForMail['items'] = await this.dataSource.query(
      `SELECT number, title, start_time AS "startTime", end_time AS "endTime", closed FROM agenda_item WHERE meeting_id = $1 ORDER BY number`,
      [meetingId],
    );
    return { ...meeting, items };
  }

  person(id: string): Promise<MailRecipient | undefined> {
    return this.dataSource.query(`SELECT id, name, email FROM person WHERE id = $1`, [id]).then((rows: MailRecipient[]) => rows[0]);
  }

  /**
   * Who gets a meeting's e-mails: everyone seated in the committee on the meeting's day (those who will sit at it)
   * and everyone invited to the committee's running phase. A cancellation also reaches whoever was sent the
   * invitation before, so it leaves no calendar with a meeting that will not take place.
   */
  async recipients(manager: EntityManager, meeting: { id: string; committeeId: string; startsAt: Date }, kind: AgendaMailKind): Promise<RoundRecipient[]> {
    return manager.query(
      `WITH informed AS (
         SELECT DISTINCT person_id FROM delivery
          WHERE subject_id = $3 AND kind IN ('agenda', 'agenda-update') AND status = 'sent' AND person_id IS NOT NULL),
       invited AS (
         SELECT person_id FROM membership
          WHERE committee_id = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)
         UNION
         SELECT pp.person_id FROM phase_participant pp JOIN phase ph ON ph.id = pp.phase_id
          WHERE ph.committee_id = $1 AND ph.state = 'active'
         UNION
         SELECT person_id FROM informed WHERE $4)
       SELECT i.person_id AS "personId", (f.person_id IS NOT NULL) AS informed
         FROM invited i LEFT JOIN informed f ON f.person_id = i.person_id
        ORDER BY i.person_id`,
      [meeting.committeeId, copenhagenDate(meeting.startsAt), meeting.id, kind === 'agenda-cancellation'],
    );
  }
}
