import { Injectable } from '@nestjs/common';
import { BodySql, CommitteeSql, SeatSql } from '@app/committees';
import { createHash } from 'node:crypto';
import { keysetSql, type ListOrder, type PagePosition, type Positioned, positionalParameter, preparedStatement } from '@app/core';
import { UnitOfWork } from '@app/database';
import { PUBLIC_MEMBERSHIP_ROLES } from '@app/domain';
import { PublicAgendaSql, PublicMeetingRule } from '@app/meetings';
import { PublishedMinutesSql } from '@app/minutes';
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

export const FILE_KINDS = ['agenda', 'minutes', 'attachment'] as const;
/** agenda: the public agenda PDF (a meeting's invitation); minutes: the public referat PDF; attachment: a Bilag of an open item. */
export type FileKind = (typeof FILE_KINDS)[number];

/** A file as its meeting or item embeds it: what is known of its bytes. */
export interface EmbeddedFileRow {
  id: string;
  name: string | null;
  mimeType: string;
  size: number | null;
  sha512: string | null;
  created: string;
  modified: string;
}

/** A file on its own: with where it belongs (its back-references) and what names it. */
export interface FileRow extends Omit<EmbeddedFileRow, 'created' | 'modified'>, Omit<Stamped, 'created' | 'modified'> {
  created: Date | string;
  modified: Date | string;
  kind: FileKind;
  bodyId: string;
  meetingId: string;
  itemId: string | null;
  caseNumber: string | null;
  committeeName: string;
  startsAt: Date | string;
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
  /** The Bilag, none for a closed or withdrawn item. */
  files: EmbeddedFileRow[];
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
  /** The public agenda PDF, once built. */
  invitation: EmbeddedFileRow | null;
  /** The public referat PDF, once published. */
  resultsProtocol: EmbeddedFileRow | null;
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
  /** The Bilag of its handlings (open items of public meetings). */
  files: EmbeddedFileRow[];
}

const PUBLIC_ROLES = `'{${PUBLIC_MEMBERSHIP_ROLES.join(',')}}'::text[]`;
const BY_CREATION_UUID: ListOrder = { keys: [['o.created', 'timestamptz'], ['o.id', 'uuid']] };
/** Papers have no row of their own: they are listed by their case number, which names them. */
const BY_REFERENCE: ListOrder = { keys: [['o.id', 'text']] };

const DAY = (instant: string) => `(${instant} AT TIME ZONE 'Europe/Copenhagen')::date`;
/** The item's local time of day (HH:MM) on its meeting's day (the meeting's `starts_at`), as an instant. */
const itemInstant = (time: string, startsAt = 'mtg.starts_at') => `CASE WHEN ${time} IS NULL THEN NULL ELSE ((${DAY(startsAt)} + ${time}::time) AT TIME ZONE 'Europe/Copenhagen') END`;

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

/** A Bilag as an embedded file. */
const ATTACHMENT_JSON = (a: string) =>
  `json_build_object('id', ${a}.id, 'name', ${a}.name, 'mimeType', ${a}.content_type, 'size', ${a}.size, 'sha512', ${a}.sha512, 'created', ${a}.created_at, 'modified', ${a}.created_at)`;

/** The item's Bilag the public reads, in the order they came; none for a closed or withdrawn item, or a meeting no longer public. */
const itemFiles = (rule: PublicMeetingRule, i: string, mtg: string) =>
  `coalesce((SELECT json_agg(${ATTACHMENT_JSON('a')} ORDER BY a.created_at, a.id) FROM ${PublicAgendaSql.attachments('a')}
              WHERE a.item_id = ${i}.id AND ${PublicAgendaSql.itemShowsAttachments(i)} AND ${rule.isPublic(mtg)}), '[]')`;

/** An item changes with its Bilag: one added (the latest `added`), or one removed while public (its tombstone, `removed`). */
const itemChanged = (updated: string, added: string, removed: string) => `greatest(${updated}, ${added}, ${removed})`;

/** An item's `modified`, its Bilag looked up by the item. */
const ITEM_MODIFIED = (i: string) =>
  itemChanged(
    `${i}.updated_at`,
    `(SELECT max(a.created_at) FROM ${PublicAgendaSql.attachments('a')} WHERE a.item_id = ${i}.id)`,
    `(SELECT max(r.removed_at) FROM ${PublicAgendaSql.removedAttachments('r')} WHERE r.item_id = ${i}.id)`,
  );

/** A meeting's own PDF as an embedded file: the agenda's as last built, the referat's as published. */
const MEETING_FILE_JSON = (mtg: string, size: string, sha512: string, created: string, modified: string) =>
  `json_build_object('id', ${mtg}.id, 'name', NULL, 'mimeType', 'application/pdf', 'size', ${size}, 'sha512', ${sha512}, 'created', ${created}, 'modified', ${modified})`;

const ITEM_FIELDS = (i: string) =>
  `${i}.id, ${i}.meeting_id AS "meetingId", ${i}.number, ${i}.title, ${i}.closed, ${i}.public_title AS "publicTitle", ${i}.case_number AS "caseNumber", ${i}.start_time AS "startTime",
   ${i}.end_time AS "endTime", ${itemInstant(`${i}.start_time`)} AS start, ${itemInstant(`${i}.end_time`)} AS "end", ${i}.decision, ${i}.state`;

/**
 * Meetings whose agenda was sent, without their items (meetingItemsSql adds those to the meetings read). A meeting
 * cancelled after sending, or past the public retention, is depublished: deleted, modified when it was depublished.
 */
const meetingsSql = (rule: PublicMeetingRule): string => `SELECT mtg.id, mtg.committee_id AS "committeeId", c.body_id AS "bodyId", c.name AS "committeeName", mtg.title, mtg.state,
         mtg.starts_at AS "startsAt", mtg.ends_at AS "endsAt", mtg.location, mtg.created_at AS created,
         greatest(mtg.updated_at, (SELECT max(${ITEM_MODIFIED('i')}) FROM ${PublicAgendaSql.items('i')} WHERE i.meeting_id = mtg.id), agenda.built_at, minutes.published_at, ${rule.retentionEndedAt('mtg')}) AS modified,
         NOT ${rule.isPublic('mtg')} AS deleted,
         CASE WHEN agenda.meeting_id IS NOT NULL AND ${rule.isPublic('mtg')}
              THEN ${MEETING_FILE_JSON('mtg', 'agenda.size', 'agenda.sha512', 'mtg.published_at', 'agenda.built_at')} END AS invitation,
         CASE WHEN minutes.meeting_id IS NOT NULL AND ${rule.isPublic('mtg')}
              THEN ${MEETING_FILE_JSON('mtg', 'minutes.size', 'minutes.sha512', 'minutes.published_at', 'minutes.published_at')} END AS "resultsProtocol"
    FROM ${PublicAgendaSql.sentMeetings('mtg')} ${CommitteeSql.join('c', 'mtg.committee_id')}
    LEFT JOIN ${PublicAgendaSql.publicAgendaDocuments('agenda')} ON agenda.meeting_id = mtg.id
    LEFT JOIN ${PublishedMinutesSql.publicPdfs('minutes')} ON minutes.meeting_id = mtg.id`;

/**
 * The meetings read (`rows`, of meetingsSql, aliased `o`) with their items as the public agenda shows them (before
 * redaction), a depublished meeting's none: each meeting's items in one index read, each item's Bilag and removals
 * in one each, joined laterally so the plan does not depend on the tables' statistics (grouping the page's Bilag
 * and joining them by hash was no faster with them, and without them, on freshly seeded tables, the planner
 * rescanned that group for every item: 1.2 s).
 * The page of 100 meetings had been some 3,000 subqueries: per item, one for its Bilag and two for its `modified`,
 * and those two again for the meeting's.
 */
const meetingItemsSql = (rows: string): string => `SELECT o.*, coalesce(items.list, '[]') AS items
    FROM ${rows} o
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object(
               'id', i.id, 'meetingId', i.meeting_id, 'number', i.number, 'title', i.title, 'closed', i.closed, 'publicTitle', i.public_title, 'caseNumber', i.case_number,
               'startTime', i.start_time, 'endTime', i.end_time, 'start', ${itemInstant('i.start_time', 'o."startsAt"')}, 'end', ${itemInstant('i.end_time', 'o."startsAt"')},
               'decision', i.decision, 'state', i.state, 'created', i.created_at, 'modified', ${itemChanged('i.updated_at', 'bilag.added', 'removals.removed')}, 'deleted', false,
               'files', CASE WHEN ${PublicAgendaSql.itemShowsAttachments('i')} THEN coalesce(bilag.files, '[]') ELSE '[]' END) ORDER BY i.number) AS list
        FROM ${PublicAgendaSql.items('i')}
        CROSS JOIN LATERAL (SELECT max(a.created_at) AS added, json_agg(${ATTACHMENT_JSON('a')} ORDER BY a.created_at, a.id) AS files
                              FROM ${PublicAgendaSql.attachments('a')} WHERE a.item_id = i.id) bilag
        CROSS JOIN LATERAL (SELECT max(r.removed_at) AS removed FROM ${PublicAgendaSql.removedAttachments('r')} WHERE r.item_id = i.id) removals
       WHERE i.meeting_id = o.id AND NOT o.deleted
    ) items ON true`;

/** The items of sent meetings; those of a depublished meeting are deleted with it. */
const agendaItemsSql = (rule: PublicMeetingRule): string => `SELECT ${ITEM_FIELDS('i')}, c.body_id AS "bodyId", i.created_at AS created,
         CASE WHEN ${rule.isPublic('mtg')} THEN ${ITEM_MODIFIED('i')} ELSE greatest(${ITEM_MODIFIED('i')}, mtg.updated_at, ${rule.retentionEndedAt('mtg')}) END AS modified,
         NOT ${rule.isPublic('mtg')} AS deleted, ${itemFiles(rule, 'i', 'mtg')} AS files
    FROM ${PublicAgendaSql.items('i')} JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = i.meeting_id ${CommitteeSql.join('c', 'mtg.committee_id')}`;

/**
 * The cases (papers) by case number: only open items of public meetings name one in public, each item being the
 * handling of the case by its committee (a consultation). `bodyId` is the body of its first handling.
 */
const papersSql = (rule: PublicMeetingRule): string => `SELECT i.case_number AS id, (array_agg(c.body_id ORDER BY mtg.starts_at, i.id))[1] AS "bodyId",
         (array_agg(i.title ORDER BY mtg.starts_at DESC, i.id))[1] AS name, min(${DAY('mtg.starts_at')})::text AS date,
         array_agg(DISTINCT c.body_id) AS "bodyIds", min(i.created_at) AS created, max(${ITEM_MODIFIED('i')}) AS modified, false AS deleted,
         json_agg(json_build_object('id', i.id, 'meetingId', i.meeting_id, 'committeeId', mtg.committee_id, 'created', i.created_at, 'modified', i.updated_at)
                  ORDER BY mtg.starts_at, i.id) AS consultations,
         coalesce((SELECT json_agg(${ATTACHMENT_JSON('a')} ORDER BY am.starts_at, ai.id, a.created_at, a.id)
                     FROM ${PublicAgendaSql.attachments('a')} JOIN ${PublicAgendaSql.items('ai')} ON ai.id = a.item_id JOIN ${PublicAgendaSql.sentMeetings('am')} ON am.id = ai.meeting_id
                    WHERE ai.case_number = i.case_number AND ${PublicAgendaSql.itemShowsAttachments('ai')} AND ${rule.isPublic('am')}), '[]') AS files
    FROM ${PublicAgendaSql.items('i')} JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = i.meeting_id ${CommitteeSql.join('c', 'mtg.committee_id')}
   WHERE i.case_number IS NOT NULL AND NOT i.closed AND ${rule.isPublic('mtg')}
   GROUP BY i.case_number`;

/** How a file that is no longer public changes: at the later of its own change and its meeting's depublishing. */
const fileModified = (rule: PublicMeetingRule, own: string) => `CASE WHEN ${rule.isPublic('mtg')} THEN ${own} ELSE greatest(${own}, mtg.updated_at, ${rule.retentionEndedAt('mtg')}) END`;

const FILE_PLACE = `c.body_id AS "bodyId", mtg.id AS "meetingId", c.name AS "committeeName", mtg.starts_at AS "startsAt"`;

/**
 * The public files: each sent meeting's public agenda PDF and published referat, and the Bilag of the open items
 * (not withdrawn) of sent agendas; those of a depublished meeting, and the Bilag removed while public, as deleted.
 * A Bilag never public (on a closed item only) is not here at all.
 */
const filesSql = (rule: PublicMeetingRule): string => `SELECT mtg.id, 'agenda' AS kind, ${FILE_PLACE}, NULL::uuid AS "itemId", NULL AS "caseNumber", NULL AS name, 'application/pdf' AS "mimeType",
         agenda.size, agenda.sha512, mtg.published_at AS created, ${fileModified(rule, 'agenda.built_at')} AS modified, NOT ${rule.isPublic('mtg')} AS deleted
    FROM ${PublicAgendaSql.publicAgendaDocuments('agenda')} JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = agenda.meeting_id ${CommitteeSql.join('c', 'mtg.committee_id')}
  UNION ALL
  SELECT mtg.id, 'minutes', ${FILE_PLACE}, NULL, NULL, NULL, 'application/pdf',
         minutes.size, minutes.sha512, minutes.published_at, ${fileModified(rule, 'minutes.published_at')}, NOT ${rule.isPublic('mtg')}
    FROM ${PublishedMinutesSql.publicPdfs('minutes')} JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = minutes.meeting_id ${CommitteeSql.join('c', 'mtg.committee_id')}
  UNION ALL
  SELECT a.id, 'attachment', ${FILE_PLACE}, i.id, i.case_number, a.name, a.content_type,
         a.size, a.sha512, a.created_at, ${fileModified(rule, 'a.created_at')}, NOT ${rule.isPublic('mtg')}
    FROM ${PublicAgendaSql.attachments('a')} JOIN ${PublicAgendaSql.items('i')} ON i.id = a.item_id JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = i.meeting_id
         ${CommitteeSql.join('c', 'mtg.committee_id')}
   WHERE ${PublicAgendaSql.itemShowsAttachments('i')}
  UNION ALL
  SELECT r.attachment_id, 'attachment', ${FILE_PLACE}, i.id, NULL, NULL, NULL, NULL, NULL, r.created_at, ${fileModified(rule, 'r.removed_at')}, true
    FROM ${PublicAgendaSql.removedAttachments('r')} JOIN ${PublicAgendaSql.items('i')} ON i.id = r.item_id JOIN ${PublicAgendaSql.sentMeetings('mtg')} ON mtg.id = i.meeting_id
         ${CommitteeSql.join('c', 'mtg.committee_id')}`;
/** Files of the three kinds may share an id (a meeting's agenda and its referat): the kind tells them apart. */
const BY_CREATION_UUID_KIND: ListOrder = { keys: [['o.created', 'timestamptz'], ['o.id', 'uuid'], ['o.kind', 'text']] };

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
  private readonly filesSource: string;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    rule: PublicMeetingRule,
  ) {
    this.meetingsSource = meetingsSql(rule);
    this.agendaItemsSource = agendaItemsSql(rule);
    this.papersSource = papersSql(rule);
    this.filesSource = filesSql(rule);
  }

  /** `source`'s row of the id; `contents`, given the rows read, adds what they hold (see `page`). */
  private async one<T>(source: string, id: string, idType = 'uuid', contents?: (rows: string) => string): Promise<T | null> {
    const text = `SELECT * FROM (${source}) o WHERE o.id = $1::${idType}`;
    const [row] = await this.unitOfWork.outside.query(prepared(contents ? `WITH found AS (${text}) ${contents('found')}` : text), [id]);
    return row ?? null;
  }

  /**
   * A page of `source` within the window, after `page.after`, limited: deleted objects only when `modified_since`
   * asks for changes (OParl 1.1's update mechanism), `where` keeping the list's own objects (e.g. one body's).
   * `contents`, given the page's rows by name, adds what they hold, read once for the page rather than per row.
   */
  private async page<T>(
    source: string,
    window: ListWindow,
    page: ListPage,
    where: { sql: string; value: unknown }[] = [],
    order = BY_CREATION_UUID,
    contents?: (rows: string) => string,
  ): Promise<Positioned<T>[]> {
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
    return this.unitOfWork.outside.query(prepared(contents ? `WITH page AS (${text}) ${contents('page')} ORDER BY ${keyset.orderBy}` : text), parameters);
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
    return this.one(this.meetingsSource, id, 'uuid', meetingItemsSql);
  }
  meetings(where: { bodyId?: string; committeeId?: string }, window: ListWindow, page: ListPage): Promise<Positioned<MeetingRow>[]> {
    const conditions = where.bodyId ? [{ sql: 'o."bodyId" = ?::uuid', value: where.bodyId }] : [{ sql: 'o."committeeId" = ?::uuid', value: where.committeeId }];
    return this.page(this.meetingsSource, window, page, conditions, BY_CREATION_UUID, meetingItemsSql);
  }

  agendaItem(id: string): Promise<AgendaItemRow | null> {
    return this.one(this.agendaItemsSource, id);
  }
  agendaItems(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<AgendaItemRow>[]> {
    return this.page(this.agendaItemsSource, window, page, [{ sql: 'o."bodyId" = ?::uuid', value: bodyId }]);
  }

  async file(kind: FileKind, id: string): Promise<FileRow | null> {
    const [row] = await this.unitOfWork.outside.query(prepared(`SELECT * FROM (${this.filesSource}) o WHERE o.id = $1::uuid AND o.kind = $2`), [id, kind]);
    return row ?? null;
  }
  files(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<FileRow>[]> {
    return this.page(this.filesSource, window, page, [{ sql: 'o."bodyId" = ?::uuid', value: bodyId }], BY_CREATION_UUID_KIND);
  }

  paper(reference: string): Promise<PaperRow | null> {
    return this.one(this.papersSource, reference, 'text');
  }
  papers(bodyId: string, window: ListWindow, page: ListPage): Promise<Positioned<PaperRow>[]> {
    return this.page(this.papersSource, window, page, [{ sql: '?::uuid = ANY(o."bodyIds")', value: bodyId }], BY_REFERENCE);
  }
}
