import { PublicMeetingRule } from '../public/public-meeting-rule.js';
import { Injectable } from '@nestjs/common';
import { CommitteeSql, SeatSql } from '@app/committees';
import { keysetSql, type ListOrder, type PagePosition, type Positioned, positionalParameter, preparedStatement } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { copenhagenDate, type IsoDate, itemQuorum } from '@app/domain';
import { PersonSql } from '@app/people';
import type { AgendaItemDto } from '../agenda/agenda-item.dto.js';
import type { AttendanceDto, MeetingDto, MeetingSummaryDto } from './meeting.dto.js';

const MEETING_ORDER: ListOrder = { keys: [['mtg.starts_at', 'timestamptz'], ['mtg.id', 'uuid']], descending: true };

const COMMITTEE_ORDER: ListOrder = { keys: [['c.name', 'text'], ['c.id', 'uuid']] };

const MEETING_COLUMNS = `mtg.id, mtg.committee_id AS "committeeId", c.name AS "committeeName", mtg.title, mtg.starts_at AS "startsAt", mtg.ends_at AS "endsAt",
  mtg.location, mtg.state, mtg.row_version AS "rowVersion", mtg.sequence, mtg.published_at AS "publishedAt", mtg.ended_at AS "endedAt"`;

// The meeting is `mtg`: the seat fragments name their own rows `m`.
const COMMITTEE = CommitteeSql.join('c', 'mtg.committee_id');

const notesOfKind = (kind: 'dissent' | 'disqualification') =>
  `coalesce((SELECT json_agg(json_build_object('id', n.id, 'personId', n.person_id, 'personName', p.name, 'text', n.text) ORDER BY p.name)
               FROM item_note n ${PersonSql.join('p', 'n.person_id')} WHERE n.item_id = i.id AND n.kind = '${kind}'), '[]')`;

/**
 * The decisions of the committees a referred case came through, oldest first: the referral chain walked back from
 * `i` (bounded, should a chain ever loop), each with whether the public may read it (its item open, its minutes published);
 * walked only for an item that was referred, as most are not.
 */
const EARLIER_DECISIONS = `CASE WHEN i.referred_from_item_id IS NULL THEN '[]'::json ELSE coalesce((
  WITH RECURSIVE chain AS (
    SELECT e.id, e.referred_from_item_id, e.meeting_id, e.decision, e.closed, 1 AS depth FROM agenda_item e WHERE e.id = i.referred_from_item_id
    UNION ALL
    SELECT e.id, e.referred_from_item_id, e.meeting_id, e.decision, e.closed, chain.depth + 1
      FROM agenda_item e JOIN chain ON e.id = chain.referred_from_item_id WHERE chain.depth < 50)
  SELECT json_agg(json_build_object('itemId', chain.id, 'meetingId', em.id, 'committeeName', ec.name, 'meetingStartsAt', to_char(em.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                    'decision', chain.decision, 'closed', chain.closed,
                                    'minutesPublic', em.minutes_published_at IS NOT NULL)
                  ORDER BY chain.depth DESC)
    FROM chain JOIN meeting em ON em.id = chain.meeting_id ${CommitteeSql.join('ec', 'em.committee_id')}
   WHERE nullif(btrim(chain.decision), '') IS NOT NULL), '[]') END`;

/** The committee a case is referred on to, while the referral is proposed or accepted. */
const REFERRED_TO = `(SELECT rc.name FROM agenda_item_referral r JOIN meeting rm ON rm.id = r.to_meeting_id ${CommitteeSql.join('rc', 'rm.committee_id')}
   WHERE r.item_id = i.id AND r.state IN ('proposed', 'accepted'))`;

const ITEM_COLUMNS = `i.id, i.meeting_id AS "meetingId", i.number, i.title, i.case_number AS "caseNumber", i.start_time AS "startTime",
  i.end_time AS "endTime", i.closed, i.closed_reason AS "closedReason", i.closed_reason_text AS "closedReasonText", i.public_title AS "publicTitle",
  i.summary, i.recommendation, i.presentation,
  i.decision, i.attachment_names AS "attachmentNames", i.state, i.row_version AS "rowVersion",
  i.referred_from_item_id AS "referredFromItemId", ${EARLIER_DECISIONS} AS "earlierDecisions", ${REFERRED_TO} AS "referredToCommitteeName", i.sent_late_at AS "sentLateAt",
  i.origin_kind AS "originKind", i.origin_id AS "originId", i.decision_outcome AS "decisionOutcome",
  coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'contentType', a.content_type, 'size', a.size,
                                              'sha256', a.sha256, 'createdAt', a.created_at, 'sentLateAt', a.sent_late_at) ORDER BY a.created_at, a.id)
              FROM item_attachment a WHERE a.item_id = i.id), '[]') AS attachments,
  ${notesOfKind('dissent')} AS dissents, ${notesOfKind('disqualification')} AS disqualifications,
  coalesce((SELECT json_agg(json_build_object('personId', v.person_id, 'personName', p.name, 'party', p.party, 'vote', v.vote) ORDER BY p.name)
              FROM item_vote v ${PersonSql.join('p', 'v.person_id')} WHERE v.item_id = i.id), '[]') AS votes`;

/**
 * Everyone seated in the committee on the meeting's day, and anyone else whose attendance was recorded, as one JSON
 * array of AttendanceDto, chair first, then vice-chair, members and secretary; the arguments are SQL expressions.
 */
const attendanceJson = (meetingId: string, committeeId: string, day: string) => `(
  SELECT coalesce(json_agg(json_build_object('personId', p.id, 'name', p.name, 'party', p.party, 'roles', coalesce(s.roles, '{}'),
                                             'status', a.status, 'until', a.until, 'note', a.note,
                                             'substituteFor', CASE WHEN sf.id IS NULL THEN NULL ELSE json_build_object('personId', sf.id, 'name', sf.name) END)
                           ORDER BY CASE WHEN 'chair' = ANY(s.roles) THEN 0 WHEN 'vice-chair' = ANY(s.roles) THEN 1
                                         WHEN 'secretary' = ANY(s.roles) THEN 3 ELSE 2 END, p.name), '[]')
    FROM ${SeatSql.seatedOn(committeeId, day)} s
    FULL JOIN (SELECT person_id, status, until, note, substitute_for FROM attendance WHERE meeting_id = ${meetingId}) a ON a.person_id = s.person_id
    ${PersonSql.join('p', 'coalesce(s.person_id, a.person_id)')}
    ${PersonSql.join('sf', 'a.substitute_for', { left: true })})`;

/**
 * Each item with whether the committee can decide it, from the meeting's attendance and the item's disqualifications.
 * The items are the statement's own rows, so the figure is set on them; the quorum of an item nobody is disqualified
 * on is the meeting's, counted once for them all.
 */
const withQuorum = (items: AgendaItemDto[], attendance: readonly AttendanceDto[]): AgendaItemDto[] => {
  const attendees = attendance.map(({ personId, roles, status, substituteFor }) => ({ personId, roles, status, substituteFor: substituteFor?.personId ?? null }));
  const meetingQuorum = itemQuorum(attendees, []);
  for (const item of items) {
    item.quorum = item.disqualifications.length ? itemQuorum(attendees, item.disqualifications.map((note) => note.personId)) : meetingQuorum;
  }
  return items;
};

const MEETING_DAY = `(mtg.starts_at AT TIME ZONE 'Europe/Copenhagen')::date`;

const MEETING_WITH_ATTENDANCE = preparedStatement(
  'meeting-with-attendance',
  `SELECT ${MEETING_COLUMNS}, ${attendanceJson('mtg.id', 'mtg.committee_id', MEETING_DAY)} AS attendance
     FROM meeting mtg ${COMMITTEE} WHERE mtg.id = $1`,
);

const ATTENDANCE_OF_MEETING = preparedStatement('attendance-of-meeting', `SELECT ${attendanceJson('mtg.id', 'mtg.committee_id', MEETING_DAY)} AS attendance FROM meeting mtg WHERE mtg.id = $1`);

const AGENDA = preparedStatement('meeting-agenda', `SELECT ${ITEM_COLUMNS} FROM agenda_item i WHERE i.meeting_id = $1 ORDER BY i.number`);

const AGENDA_ITEM = preparedStatement('agenda-item', `SELECT ${ITEM_COLUMNS} FROM agenda_item i WHERE i.id = $1`);

/**
 * Reads meetings for the API and the jobs. A whole meeting (agenda, attachments, notes, attendance) is two statements
 * run side by side, however many items it has: the read members do most, at a fixed cost.
 */
@Injectable()
export class MeetingViewRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly publicRule: PublicMeetingRule,
  ) {}

  async summary(id: string, tx: Transaction = this.unitOfWork.outside): Promise<MeetingSummaryDto | null> {
    const [row] = await tx.query(`SELECT ${MEETING_COLUMNS} FROM meeting mtg ${COMMITTEE} WHERE mtg.id = $1`, [id]);
    return row ?? null;
  }

  /** One page of meetings, newest first: by start and then id, so meetings starting at one instant are neither skipped nor repeated. */
  async page(
    where: { committeeId?: string; committeeIds?: readonly string[]; orMeetingIds?: readonly string[]; states?: readonly string[]; publicOnly?: boolean; fromDay?: IsoDate; toDay?: IsoDate },
    page: { after: PagePosition | null; limit: number },
  ): Promise<Positioned<MeetingSummaryDto>[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (where.committeeId) add('mtg.committee_id = ?', where.committeeId);
    if (where.committeeIds && where.orMeetingIds?.length) {
      parameters.push(where.committeeIds, where.orMeetingIds);
      conditions.push(`(mtg.committee_id = ANY($${parameters.length - 1}) OR mtg.id = ANY($${parameters.length}))`);
    } else if (where.committeeIds) add('mtg.committee_id = ANY(?)', where.committeeIds);
    if (where.states) add('mtg.state = ANY(?)', where.states);
    if (where.publicOnly) conditions.push(this.publicRule.isPublic('mtg'));
    // The days as instants, so the start's index serves the range.
    if (where.fromDay) add(`mtg.starts_at >= (?::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`, where.fromDay);
    if (where.toDay) add(`mtg.starts_at < ((?::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`, where.toDay);
    const keyset = keysetSql(MEETING_ORDER, page, positionalParameter(parameters));
    if (keyset.after) conditions.push(keyset.after);
    return this.unitOfWork.outside.query(
      `SELECT ${MEETING_COLUMNS}, ${keyset.position} AS "pagePosition" FROM meeting mtg ${COMMITTEE}
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${keyset.orderBy} LIMIT ${keyset.limit}`,
      parameters,
    );
  }

  /** A page of the committees with a public meeting, by name and then id. */
  committeesWithPublicMeetings(page: { after: PagePosition | null; limit: number }): Promise<Positioned<{ id: string; name: string }>[]> {
    const parameters: unknown[] = [];
    const keyset = keysetSql(COMMITTEE_ORDER, page, positionalParameter(parameters));
    return this.unitOfWork.outside.query(
      // Committees in page order, each asked whether it has such a meeting (one probe of the committee's meetings),
      // so a page costs the same however many meetings the installation holds.
      `SELECT c.id, c.name, ${keyset.position} AS "pagePosition"
         FROM ${CommitteeSql.table('c')}
        WHERE EXISTS (SELECT 1 FROM meeting m WHERE m.committee_id = c.id AND ${this.publicRule.isPublic('m')})
        ${keyset.after ? `AND ${keyset.after}` : ''} ORDER BY ${keyset.orderBy} LIMIT ${keyset.limit}`,
      parameters,
    );
  }

  async meeting(id: string): Promise<MeetingDto | null> {
    const [[row], items] = await Promise.all([
      this.unitOfWork.outside.query(MEETING_WITH_ATTENDANCE, [id]),
      this.items(id),
    ]);
    return row ? { ...row, items: withQuorum(items, row.attendance) } : null;
  }

  items(meetingId: string, tx: Transaction = this.unitOfWork.outside): Promise<AgendaItemDto[]> {
    return tx.query(AGENDA, [meetingId]);
  }

  /** Where the items stand on their agendas (number, closed or open), in one statement, without their texts. */
  itemPlaces(itemIds: readonly string[], tx: Transaction = this.unitOfWork.outside): Promise<Pick<AgendaItemDto, 'id' | 'number' | 'closed'>[]> {
    return tx.query('SELECT id, number, closed FROM agenda_item WHERE id = ANY($1::uuid[])', [itemIds]);
  }

  /** One item as the agenda shows it, read alone: a request about one item costs the same on an agenda of any length. */
  async item(itemId: string, tx: Transaction = this.unitOfWork.outside): Promise<AgendaItemDto | null> {
    const [item] = await tx.query(AGENDA_ITEM, [itemId]);
    return item ?? null;
  }

  /** The agenda with each item's quorum, as the members' reads show it. */
  async itemsWithQuorum(meetingId: string, tx: Transaction = this.unitOfWork.outside): Promise<AgendaItemDto[]> {
    return withQuorum(await this.items(meetingId, tx), await this.attendanceOfMeeting(meetingId, tx));
  }

  /** One item with its quorum, as the item read shows it. */
  async itemWithQuorum(itemId: string, meetingId: string, tx: Transaction = this.unitOfWork.outside): Promise<AgendaItemDto | null> {
    const item = await this.item(itemId, tx);
    return item && withQuorum([item], await this.attendanceOfMeeting(meetingId, tx))[0];
  }

  private async attendanceOfMeeting(meetingId: string, tx: Transaction): Promise<AttendanceDto[]> {
    const [row]: { attendance: AttendanceDto[] }[] = await tx.query(ATTENDANCE_OF_MEETING, [meetingId]);
    return row?.attendance ?? [];
  }

  async attendance(meeting: Pick<MeetingSummaryDto, 'id' | 'committeeId' | 'startsAt'>, tx: Transaction = this.unitOfWork.outside): Promise<AttendanceDto[]> {
    const [{ attendance }] = await tx.query(`SELECT ${attendanceJson('$1::uuid', '$2::uuid', '$3::date')} AS attendance`, [
      meeting.id,
      meeting.committeeId,
      copenhagenDate(new Date(meeting.startsAt)),
    ]);
    return attendance;
  }
}
