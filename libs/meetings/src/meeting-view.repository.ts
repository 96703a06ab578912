import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { copenhagenDate } from '@app/domain';
import type { AgendaItemDto, ItemNoteDto } from './agenda-item.dto.js';
import type { AttendanceDto, MeetingDto, MeetingSummaryDto } from './meeting.dto.js';

const MEETING_COLUMNS = `m.id, m.committee_id AS "committeeId", c.name AS "committeeName", m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
  m.location, m.state, m.row_version AS "rowVersion", m.sequence, m.published_at AS "publishedAt"`;

type ItemRow = Omit<AgendaItemDto, 'dissents' | 'disqualifications'> & { notes: (ItemNoteDto & { kind: string })[] };

/**
 * Reads a meeting with its agenda, attachments, notes and attendance in three statements, however many items
 * it has: the read members do most, held to a fixed cost.
 */
@Injectable()
export class MeetingViewRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summary(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingSummaryDto | null> {
    const [row] = await manager.query(`SELECT ${MEETING_COLUMNS} FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = $1`, [id]);
    return row ?? null;
  }

  async list(where: { committeeId?: string; states?: readonly string[]; from?: Date; to?: Date }, limit = 200): Promise<MeetingSummaryDto[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (where.committeeId) add('m.committee_id = ?', where.committeeId);
    if (where.states) add('m.state = ANY(?)', where.states);
    if (where.from) add('m.starts_at >= ?', where.from);
    if (where.to) add('m.starts_at < ?', where.to);
    parameters.push(limit);
    return this.dataSource.query(
      `SELECT ${MEETING_COLUMNS} FROM meeting m JOIN committee c ON c.id = m.committee_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY m.starts_at DESC LIMIT $${parameters.length}`,
      parameters,
    );
  }

  async meeting(id: string): Promise<MeetingDto | null> {
    const summary = await this.summary(id);
    if (!summary) return null;
    const [items, attendance] = await Promise.all([this.items(id), this.attendance(summary)]);
    return { ...summary, items, attendance };
  }

  async items(meetingId: string, manager: EntityManager = this.dataSource.manager): Promise<AgendaItemDto[]> {
    const rows: ItemRow[] = await manager.query(
      `SELECT i.id, i.meeting_id AS "meetingId", i.number, i.title, i.case_number AS "caseNumber", i.start_time AS "startTime",
              i.end_time AS "endTime", i.closed, i.closed_reason AS "closedReason", i.summary, i.recommendation, i.presentation,
              i.decision, i.attachment_names AS "attachmentNames", i.state, i.row_version AS "rowVersion",
              i.referred_from_item_id AS "referredFromItemId",
              coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'contentType', a.content_type, 'size', a.size,
                                                          'sha256', a.sha256, 'createdAt', a.created_at) ORDER BY a.created_at, a.id)
                          FROM item_attachment a WHERE a.item_id = i.id), '[]') AS attachments,
              coalesce((SELECT json_agg(json_build_object('id', n.id, 'personId', n.person_id, 'personName', p.name, 'text', n.text, 'kind', n.kind)
                                        ORDER BY p.name)
                          FROM item_note n JOIN person p ON p.id = n.person_id WHERE n.item_id = i.id), '[]') AS notes
         FROM agenda_item i WHERE i.meeting_id = $1 ORDER BY i.number`,
      [meetingId],
    );
    return rows.map(({ notes, ...item }) => ({
      ...item,
      dissents: notes.filter((n) => n.kind === 'dissent').map(({ kind: _kind, ...note }) => note),
      disqualifications: notes.filter((n) => n.kind === 'disqualification').map(({ kind: _kind, ...note }) => note),
    }));
  }

  /** Everyone seated in the committee on the meeting's day, and anyone else whose attendance was recorded. */
  attendance(meeting: MeetingSummaryDto): Promise<AttendanceDto[]> {
    return this.dataSource.query(
      `WITH seats AS (
         SELECT person_id, array_agg(DISTINCT role) AS roles FROM membership
          WHERE committee_id = $2 AND start_date <= $3 AND (end_date IS NULL OR end_date >= $3) GROUP BY person_id)
       SELECT p.id AS "personId", p.name, p.party, coalesce(s.roles, '{}') AS roles, a.status, a.until, a.note
         FROM person p
         LEFT JOIN seats s ON s.person_id = p.id
         LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id = $1
        WHERE p.id IN (SELECT person_id FROM seats UNION SELECT person_id FROM attendance WHERE meeting_id = $1)
        ORDER BY CASE WHEN 'chair' = ANY(s.roles) THEN 0 WHEN 'vice-chair' = ANY(s.roles) THEN 1 WHEN 'secretary' = ANY(s.roles) THEN 3 ELSE 2 END, p.name`,
      [meeting.id, meeting.committeeId, copenhagenDate(new Date(meeting.startsAt))],
    );
  }
}
