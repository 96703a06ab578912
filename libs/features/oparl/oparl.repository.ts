import { Injectable } from '@nestjs/common';
import { BodySql, CommitteeSql, SeatSql } from '@app/committees';
import { createHash } from 'node:crypto';
import { keysetSql, type ListOrder, type PagePosition, type Positioned, positionalParameter, preparedStatement } from '@app/core';
import { UnitOfWork } from '@app/database';
import { PUBLIC_MEMBERSHIP_ROLES } from '@app/domain';
import { PublicAgendaSql, PublicMeetingRule } from '@app/meetings';
import { PersonSql } from '@app/people';

/** The window of an external list (OParl's filters, instants as given) and whether deleted objects are answered. */
export interface ListWindow {
  createdSince?: string;
  createdUntil?: string;
  modifiedSince?: string;
  modifiedUntil?: string;
}

export interface ListPage {
  after: PagePosition | null;
  limit: number;
}

/** Every object of a list carries these, under these names, so one window and one order serve every list. */
interface Stamped {
  id: string;
  created: Date;
  modified: Date;
  deleted: boolean;
}

export interface BodyRow extends Stamped {
  name: string;
  kind: string;
  termStart: string | null;
  termEnd: string | null;
}

export interface OrganizationRow extends Stamped {
  bodyId: string;
  name: string;
  kind: string;
  parentId: string | null;
  startDate: string;
  endDate: string | null;
  membershipIds: string[];
}

export interface MembershipRow extends Stamped {
  personId: string;
  committeeId: string;
  role: string;
  startDate: string;
  endDate: string | null;
}

export interface PersonRow extends Stamped {
  bodyId: string;
  name: string;
  party: string | null;
  memberships: (Omit<MembershipRow, 'created' | 'modified'> & { created: string; modified: string })[];
}

export interface AgendaItemRow extends Stamped {
  meetingId: string;
  number: number;
  title: string;
  closed: boolean;
  /** Shown beside "Lukket punkt" for a closed item. */
  publicTitle: string | null;
  caseNumber: string | null;
  startTime: string | null;
  endTime: string | null;
  start: string | null;
  end: string | null;
  decision: string | null;
  state: string;
}

export interface MeetingRow extends Stamped {
  committeeId: string;
  title: string | null;
  committeeName: string;
  state: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  items: (Omit<AgendaItemRow, 'created' | 'modified'> & { created: string; modified: string })[];
}

export interface ConsultationRow {
  id: string;
  meetingId: string;
  committeeId: string;
  created: string;
  modified: string;
}

export interface PaperRow extends Omit<Stamped, 'id'> {
  id: string;
  bodyId: string;
  name: string;
  date: string;
  consultations: ConsultationRow[];
}

const PUBLIC_ROLES = `'{${PUBLIC_MEMBERSHIP_ROLES.join(',')}}'::text[]`;
const BY_CREATION_UUID: ListOrder = { keys: [['o.created', 'timestamptz'], ['o.id', 'uuid']] };
/** Papers have no row of their own: they are listed by their case number, which names them. */
const BY_REFERENCE: ListOrder = { keys: [['o.id', 'text']] };

const DAY = (instant: string) => `(${instant} AT TIME ZONE 'Europe/Copenhagen')::date`;
/** The item's local time of day (HH:MM) on its meeting's day, as an instant. */
const itemInstant = (time: string) => `CASE WHEN ${time} IS NULL THEN NULL ELSE ((${DAY('mtg.starts_at')} + ${time}::time) AT TIME ZONE 'Europe/Copenhagen') END`;

const BODIES = `SELECT b.id, b.name, b.kind, b.election_term_start::text AS "termStart", b.election_term_end::text AS "termEnd",
                       b.created_at AS created, b.updated_at AS modified, false AS deleted FROM ${BodySql.table('b')}`;

/** The committees, each with its public seats' ids; a new seat changes the committee's list of them. */
const ORGANIZATIONS = `SELECT c.id, c.body_id AS "bodyId", c.name, c.kind, c.parent_id AS "parentId", c.mandate_start::text AS "startDate",
         c.mandate_end::text AS "endDate", c.created_at AS created,
         greatest(c.updated_at, (SELECT max(m.updated_at) FROM ${SeatSql.table('m')} WHERE m.committee_id = c.id AND m.role = ANY(${PUBLIC_ROLES}))) AS modified,
         false AS deleted,
         coalesce((SELECT array_agg(m.id ORDER BY m.created_at, m.id) FROM ${SeatSql.table('m')} WHERE m.committee_id = c.id AND m.role = ANY(${PUBLIC_ROLES})), '{}') AS "membershipIds"
    FROM ${CommitteeSql.table('c')}`;

const MEMBERSHIP_COLUMNS = (m: string) =>
  `${m}.id, ${m}.person_id AS "personId", ${m}.committee_id AS "committeeId", ${m}.role, ${m}.start_date::text AS "startDate", ${m}.end_date::text AS "endDate"`;

const MEMBERSHIPS = `SELECT ${MEMBERSHIP_COLUMNS('m')}, c.body_id AS "bodyId", m.created_at AS created, m.updated_at AS modified, false AS deleted
    FROM ${SeatSql.table('m')} ${CommitteeSql.join('c', 'm.committee_id')} WHERE m.role = ANY(${PUBLIC_ROLES})`;

/**
 * The people holding a public seat, with only what open data may show of them (name, party) and those seats; never
 * an e-mail address. `bodyId` is the body of their earliest such seat; the body's list asks for any seat in it.
 */
const PEOPLE = `SELECT p.id, p.name, p.party, p.created_at AS created,
         greatest(p.updated_at, seats.modified) AS modified, false AS deleted, seats."bodyId", seats."bodyIds", seats.memberships
    FROM ${PersonSql.table('p')}
    JOIN LATERAL (
      SELECT max(m.updated_at) AS modified, (array_agg(c.body_id ORDER BY m.created_at, m.id))[1] AS "bodyId", array_agg(DISTINCT c.body_id) AS "bodyIds",
             json_agg(json_build_object('id', m.id, 'personId', m.person_id, 'committeeId', m.committee_id, 'role', m.role, 'startDate', m.start_date,
                                        'endDate', m.end_date, 'created', m.created_at, 'modified', m.updated_at, 'deleted', false) ORDER BY m.created_at, m.id) AS memberships
        FROM ${SeatSql.table('m')} ${CommitteeSql.join('c', 'm.committee_id')}
       WHERE m.person_id = p.id AND m.role = ANY(${PUBLIC_ROLES})
    ) seats ON seats.memberships IS NOT NULL`;

const ITEM_FIELDS = (i: string) =>
  `${i}.id, ${i}.meeting_id AS "meetingId", ${i}.number, ${i}.title, ${i}.closed, ${i}.public_title AS "publicTitle", ${i}.case_number AS "caseNumber", ${i}.start_time AS "startTime",
   ${i}.end_time AS "endTime", ${itemInstant(`${i}.start_time`)} AS start, ${itemInstant(`${i}.end_time`)} AS "end", ${i}.decision, ${i}.state`;

/**
 * Meetings whose agenda was sent, each with its items (as the public agenda shows them, before redaction), one
 * statement for a page. A meeting cancelled after sending, or past the public retention, is depublished: deleted,
 * without its items, modified when it was depublished.
 */
const meetingsSql = (rule: PublicMeetingRule): string => `SELECT mtg.id, mtg.committee_id AS "committeeId", c.body_id AS "bodyId", c.name AS "committeeName", mtg.title, mtg.state,
         mtg.starts_at AS "startsAt", mtg.ends_at AS "endsAt", mtg.location, mtg.created_at AS created,
         greatest(mtg.updated_at, (SELECT max(i.updated_at) FROM ${PublicAgendaSql.items('i')} WHERE i.meeting_id = mtg.id), ${rule.retentionEndedAt('mtg')}) AS modified,
         NOT ${rule.isPublic('mtg')} AS deleted,
         coalesce((SELECT json_agg(json_build_object(
                     'id', i.id, 'meetingId', i.meeting_id, 'number', i.number, 'title', i.title, 'closed', i.closed, 'publicTitle', i.public_title, 'caseNumber', i.case_number,
                     'startTime', i.start_time, 'endTime', i.end_time, 'start', ${itemInstant('i.start_time')}, 'end', ${itemInstant('i.end_time')},
                     'decision', i.decision, 'state', i.state, 'created', i.created_at, 'modified', i.updated_at, 'deleted', false) ORDER BY i.number)
                     FROM ${PublicAgendaSql.items('i')} WHERE i.meeting_id = mtg.id AND ${rule.isPublic('mtg')}), '[]') AS items
    FROM ${PublicAgendaSql.sentMeetings('mtg')} ${CommitteeSql.join('c', 'mtg.committee_id')}`;

/** The items of sent meetings; those of a depublished meeting are deleted with it. */
const agendaItemsSql = (rule: PublicMeetingRule): string => `SELECT ${ITEM_FIELDS('i')}, c.body_id AS "bodyId", i.created_at AS created,
         CASE WHEN ${rule.isPublic('mtg')} THEN i.updated_at ELSE greatest(i.updated_at, mtg.updated_at, ${rule.retentionEndedAt('mtg')}) END AS modified,
         NOT ${rule.isPublic('mtg')} AS deleted
    FROM ${PublicAgendaSql.items('i')} JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = i.meeting_id ${CommitteeSql.join('c', 'mtg.committee_id')}`;

/**
 * The cases (papers) by case number: only open items of public meetings name one in public, each item being the
 * handling of the case by its committee (a consultation). `bodyId` is the body of its first handling.
 */
const papersSql = (rule: PublicMeetingRule): string => `SELECT i.case_number AS id, (array_agg(c.body_id ORDER BY mtg.starts_at, i.id))[1] AS "bodyId",
         (array_agg(i.title ORDER BY mtg.starts_at DESC, i.id))[1] AS name, min(${DAY('mtg.starts_at')})::text AS date,
         array_agg(DISTINCT c.body_id) AS "bodyIds", min(i.created_at) AS created, max(i.updated_at) AS modified, false AS deleted,
         json_agg(json_build_object('id', i.id, 'meetingId', i.meeting_id, 'committeeId', mtg.committee_id, 'created', i.created_at, 'modified', i.updated_at)
                  ORDER BY mtg.starts_at, i.id) AS consultations
    FROM ${PublicAgendaSql.items('i')} JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = i.meeting_id ${CommitteeSql.join('c', 'mtg.committee_id')}
   WHERE i.case_number IS NOT NULL AND NOT i.closed AND ${rule.isPublic('mtg')}
   GROUP BY i.case_number`;

/**
 * The statement prepared under a name its text decides: planning these costs about as much as running them, and a
 * list has only a few shapes (its filters, the first page or a later one), each planned once per connection.
 */
const prepared = (text: string): string => preparedStatement(`oparl-${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`, text);

/**
 * The open-data reads: each object type from its owner's tables through their SQL fragments, each list one
 * statement, read by its keys in a stable order (creation, then id), never by OFFSET.
 */
@Injectable()
export class OparlRepository {
  private readonly meetingsSource: string;
  private readonly agendaItemsSource: string;
  private readonly papersSource: string;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    rule: PublicMeetingRule,
  ) {
    this.meetingsSource = meetingsSql(rule);
    this.agendaItemsSource = agendaItemsSql(rule);
    this.papersSource = papersSql(rule);
  }

  private async one<T>(source: string, id: string, idType = 'uuid'): Promise<T | null> {
    const [row] = await this.unitOfWork.outside.query(prepared(`SELECT * FROM (${source}) o WHERE o.id = $1::${idType}`), [id]);
    return row ?? null;
  }

  /**
   * A page of `source` within the window, after `page.after`, limited: deleted objects only when `modified_since`
   * asks for changes (OParl 1.1's update mechanism), `where` keeping the list's own objects (e.g. one body's).
   */
  private async page<T>(source: string, window: ListWindow, page: ListPage, where: { sql: string; value: unknown }[] = [], order = BY_CREATION_UUID): Promise<Positioned<T>[]> {
    const parameters: unknown[] = [];
    const bind = positionalParameter(parameters);
    const conditions = where.map(({ sql, value }) => sql.replace('?', bind(value)));
    if (!window.modifiedSince) conditions.push('NOT o.deleted');
    if (window.createdSince) conditions.push(`o.created >= ${bind(window.createdSince)}::timestamptz`);
    if (window.createdUntil) conditions.push(`o.created <= ${bind(window.createdUntil)}::timestamptz`);
    if (window.modifiedSince) conditions.push(`o.modified >= ${bind(window.modifiedSince)}::timestamptz`);
    if (window.modifiedUntil) conditions.push(`o.modified <= ${bind(window.modifiedUntil)}::timestamptz`);
    const keyset = keysetSql(order, page, bind);
    if (keyset.after) conditions.push(keyset.after);
    const text = `SELECT o.*, ${keyset.position} AS "pagePosition" FROM (${source}) o ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY ${keyset.orderBy} LIMIT ${keyset.limit}`;
    return this.unitOfWork.outside.query(prepared(text), parameters);
  }

  body(id: string): Promise<BodyRow | null> {
    return this.one(BODIES, id);
  }
  bodies(window: ListWindow, page: ListPage): Promise<Positioned<BodyRow>[]> {
    return this.page(BODIES, window, page);
  }

  organization(id: string): Promise<OrganizationRow | null> {
    return this.one(ORGANIZATIONS, id);
  }
  organizations(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<OrganizationRow>[]> {
    return this.page(ORGANIZATIONS, window, page, [{ sql: 'o."bodyId" = ?::uuid', value: bodyId }]);
  }

  membership(id: string): Promise<MembershipRow | null> {
    return this.one(MEMBERSHIPS, id);
  }
  memberships(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<MembershipRow>[]> {
    return this.page(MEMBERSHIPS, window, page, [{ sql: 'o."bodyId" = ?::uuid', value: bodyId }]);
  }

  person(id: string): Promise<PersonRow | null> {
    return this.one(PEOPLE, id);
  }
  people(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<PersonRow>[]> {
    return this.page(PEOPLE, window, page, [{ sql: '?::uuid = ANY(o."bodyIds")', value: bodyId }]);
  }

  meeting(id: string): Promise<MeetingRow | null> {
    return this.one(this.meetingsSource, id);
  }
  meetings(where: { bodyId?: string; committeeId?: string }, window: ListWindow, page: ListPage): Promise<Positioned<MeetingRow>[]> {
    const conditions = where.bodyId ? [{ sql: 'o."bodyId" = ?::uuid', value: where.bodyId }] : [{ sql: 'o."committeeId" = ?::uuid', value: where.committeeId }];
    return this.page(this.meetingsSource, window, page, conditions);
  }

  agendaItem(id: string): Promise<AgendaItemRow | null> {
    return this.one(this.agendaItemsSource, id);
  }
  agendaItems(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<AgendaItemRow>[]> {
    return this.page(this.agendaItemsSource, window, page, [{ sql: 'o."bodyId" = ?::uuid', value: bodyId }]);
  }

  paper(reference: string): Promise<PaperRow | null> {
    return this.one(this.papersSource, reference, 'text');
  }
  papers(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<PaperRow>[]> {
    return this.page(this.papersSource, window, page, [{ sql: '?::uuid = ANY(o."bodyIds")', value: bodyId }], BY_REFERENCE);
  }
}
