import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { encodeCursor, type Positioned, pageRequest } from '@app/core';
import { copenhagenDate, DomainError, type NotFoundRecord, redactItemForPublic } from '@app/domain';
import { agendaPdfFileName } from '@app/meetings';
import { minutesFileName } from '@app/minutes';
import type { OparlListQueryDto } from './oparl-list-query.dto.js';
import {
  type AgendaItemRow,
  type BodyRow,
  type EmbeddedFileRow,
  FILE_KINDS,
  type FileKind,
  type FileRow,
  type ListPage,
  type ListWindow,
  type MeetingRow,
  type MembershipRow,
  OparlRepository,
  type OrganizationRow,
  type PaperRow,
  type PersonRow,
} from './oparl.repository.js';

/** The most objects a list page holds, whatever `limit` asks (OParl recommends pages above 100 objects). */
export const OPARL_PAGE_SIZE = 100;
export const OPARL_PATH = '/oparl/v1.1';

const SCHEMA = 'https://schema.oparl.org/1.1';

type OparlObject = Record<string, unknown> & { id: string; type: string };

/** One page of an external list, as OParl lays it out. */
export interface OparlListPage {
  data: OparlObject[];
  pagination: { elementsPerPage: number };
  links: { self: string; first: string; next?: string };
}

const COMMITTEE_KINDS: Record<string, string> = {
  council: 'Byråd / regionsråd',
  finance: 'Økonomiudvalg',
  standing: 'Stående udvalg',
  'section-17-4': '§ 17, stk. 4-udvalg',
  'working-group': 'Arbejdsgruppe',
  forum: 'Forum',
};
const SEAT_ROLES: Record<string, string> = { chair: 'Formand', 'vice-chair': 'Næstformand', member: 'Medlem', external: 'Ekstern deltager' };
const MEETING_STATES: Record<string, string> = { published: 'Dagsorden udsendt', held: 'Afholdt', closed: 'Afsluttet' };
const ITEM_RESULTS: Record<string, string> = { decided: 'Afgjort', postponed: 'Udsat', referred: 'Henvist' };
const BODY_KINDS: Record<string, string> = { municipality: 'Kommune', region: 'Region' };

/** An instant as PostgreSQL writes it in JSON when the session's time zone is UTC: `yyyy-mm-ddThh:mm:ss[.ffffff]+00:00`. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/;

/**
 * OParl's date-time, `yyyy-mm-ddThh:mm:ss±hh:mm`, in UTC. One already written in UTC is cut to the second rather
 * than parsed: a list page of meetings holds some 3,000 of them, and parsing them was a tenth of the page's time.
 */
function dateTime(instant: Date | string): string {
  if (typeof instant === 'string' && UTC_INSTANT.test(instant)) return `${instant.slice(0, 19)}+00:00`;
  return `${new Date(instant).toISOString().slice(0, 19)}+00:00`;
}

/**
 * `properties` added to `object` but those that hold nothing: OParl asks for no nulls, empty strings or empty
 * optional lists. Added in place, in the order given, so the objects of one type share their shape: a list page
 * holds some thousand of them, and building them anew from entries cost more than the page's SQL.
 */
function withValues<T extends Record<string, unknown>>(object: T, properties: Record<string, unknown>): T {
  for (const key in properties) {
    const value = properties[key];
    if (value !== null && value !== undefined && value !== '') (object as Record<string, unknown>)[key] = value;
  }
  return object;
}

const encodeReference = (reference: string) => encodeURIComponent(reference);

/**
 * OParl 1.1 over the public data: what the public portal shows (sent agendas, closed items as "Lukket punkt" with
 * no text) and the committees' politicians and external members, with their name, party and seats only. Every id is
 * the object's URL under PUBLIC_BASE_URL.
 */
@Injectable()
export class OparlService {
  private readonly base: string;
  /** Where the public API answers, whose routes serve the files' bytes. */
  private readonly publicApi: string;
  /** The public portal, where a meeting's `web` page is. */
  private readonly portal: string;

  constructor(
    private readonly oparl: OparlRepository,
    config: AppConfig,
  ) {
    const site = config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    this.base = `${site}${OPARL_PATH}`;
    this.publicApi = `${site}/api/public`;
    this.portal = `${site}/offentlig`;
  }

  private url(...segments: string[]): string {
    let url = this.base;
    for (const segment of segments) url += `/${segment}`;
    return url;
  }

  private stamps(row: { id: string; created: Date | string; modified: Date | string }, type: string, id: string): OparlObject {
    return { id, type: `${SCHEMA}/${type}`, created: dateTime(row.created), modified: dateTime(row.modified) };
  }

  /**
   * A deleted or depublished object: only its id, type, created and modified, `deleted: true` (OParl 2.8) and what
   * its schema requires (`kept`).
   */
  private deletedOr(row: { id: string; created: Date | string; modified: Date | string; deleted: boolean }, type: string, id: string, build: () => Record<string, unknown>, kept: Record<string, unknown> = {}): OparlObject {
    const object = this.stamps(row, type, id);
    if (!row.deleted) return withValues(object, build());
    Object.assign(object, kept).deleted = true;
    return object;
  }

  system(): OparlObject {
    return {
      id: this.base,
      type: `${SCHEMA}/System`,
      oparlVersion: `${SCHEMA}/`,
      body: this.url('body'),
      name: 'Udvalgsarbejde',
      website: this.portal,
    };
  }

  private bodyObject(row: BodyRow): OparlObject {
    const id = this.url('body', row.id);
    return this.deletedOr(row, 'Body', id, () => ({
      system: this.base,
      name: row.name,
      classification: BODY_KINDS[row.kind],
      organization: `${id}/organization`,
      person: `${id}/person`,
      meeting: `${id}/meeting`,
      paper: `${id}/paper`,
      agendaItem: `${id}/agendaItem`,
      membership: `${id}/membership`,
      file: `${id}/file`,
      legislativeTerm: row.termStart ? [this.legislativeTermObject(row)] : [],
    }));
  }

  private legislativeTermObject(row: BodyRow): OparlObject {
    return {
      ...this.stamps(row, 'LegislativeTerm', this.url('legislativeTerm', row.id)),
      ...withValues({}, { body: this.url('body', row.id), name: `Valgperiode ${row.termStart!.slice(0, 4)}-${row.termEnd?.slice(0, 4) ?? ''}`.replace(/-$/, ''), startDate: row.termStart, endDate: row.termEnd }),
    };
  }

  private organizationObject(row: OrganizationRow): OparlObject {
    const id = this.url('organization', row.id);
    return this.deletedOr(row, 'Organization', id, () => ({
      body: this.url('body', row.bodyId),
      name: row.name,
      membership: row.membershipIds.length ? row.membershipIds.map((membershipId) => this.url('membership', membershipId)) : undefined,
      meeting: `${id}/meeting`,
      subOrganizationOf: row.parentId ? this.url('organization', row.parentId) : undefined,
      organizationType: 'Gremium',
      classification: COMMITTEE_KINDS[row.kind],
      startDate: row.startDate,
      endDate: row.endDate,
    }));
  }

  private membershipObject(row: Pick<MembershipRow, 'id' | 'personId' | 'committeeId' | 'role' | 'startDate' | 'endDate' | 'deleted'> & { created: Date | string; modified: Date | string }): OparlObject {
    return this.deletedOr(row, 'Membership', this.url('membership', row.id), () => ({
      person: this.url('person', row.personId),
      organization: this.url('organization', row.committeeId),
      role: SEAT_ROLES[row.role],
      votingRight: row.role !== 'external',
      startDate: row.startDate,
      endDate: row.endDate,
    }));
  }

  private personObject(row: PersonRow, omitInternal: boolean): OparlObject {
    return this.deletedOr(row, 'Person', this.url('person', row.id), () => ({
      body: this.url('body', row.bodyId),
      name: row.name,
      // OParl has no field for a party; a person's status ("Rolle oder Status") carries it, as the portal shows it.
      status: row.party ? [row.party] : undefined,
      membership: omitInternal ? undefined : row.memberships.map((membership) => this.membershipObject(membership)),
    }));
  }

  /** An item as the public agenda shows it: a closed one through the one redaction, as "Lukket punkt: <public title>" without text. */
  private agendaItemObject(row: Omit<AgendaItemRow, 'created' | 'modified'> & { created: Date | string; modified: Date | string }): OparlObject {
    const item = redactItemForPublic(row);
    return this.deletedOr(row, 'AgendaItem', this.url('agendaItem', row.id), () => ({
      meeting: this.url('meeting', row.meetingId),
      number: String(item.number),
      order: item.number,
      name: item.title,
      public: !item.closed,
      consultation: item.caseNumber ? this.url('consultation', row.id) : undefined,
      result: item.closed ? undefined : ITEM_RESULTS[row.state],
      resolutionText: item.decision,
      auxiliaryFile: this.embeddedFiles(row.files, 'attachment', row.meetingId),
      start: row.start ? dateTime(row.start) : undefined,
      end: row.end ? dateTime(row.end) : undefined,
    }), { order: item.number });
  }

  /**
   * A file, from its row: the bytes' facts where known, `accessUrl` answering inline and `downloadUrl` as a download
   * (OParl 2.7), and on its own (not embedded) its back-references to the meeting, item and paper it belongs to.
   */
  private fileObject(row: FileRow, embedded: boolean): OparlObject {
    const content = this.fileContent(row);
    // The schema requires accessUrl of a deleted file too; it answers 404 as the bytes are no longer public.
    return this.deletedOr(row, 'File', this.url('file', row.kind, row.id), () => {
      return {
        name: content.name,
        fileName: content.fileName,
        mimeType: row.mimeType,
        date: copenhagenDate(row.created),
        size: row.size,
        sha512Checksum: row.sha512,
        accessUrl: `${content.url}?disposition=inline`,
        downloadUrl: `${content.url}?disposition=attachment`,
        meeting: embedded ? undefined : [this.url('meeting', row.meetingId)],
        agendaItem: embedded || !row.itemId ? undefined : [this.url('agendaItem', row.itemId)],
        paper: embedded || !row.caseNumber ? undefined : [this.url('paper', encodeReference(row.caseNumber))],
      };
    }, { accessUrl: `${content.url}?disposition=inline` });
  }

  /** The name, file name and public route of a file's bytes, as the public portal offers them. */
  private fileContent(row: FileRow): { name: string; fileName: string; url: string } {
    if (row.kind === 'agenda') {
      return { name: `Dagsorden, ${row.committeeName}, ${copenhagenDate(row.startsAt)}`, fileName: agendaPdfFileName(row.committeeName, row.startsAt, 'public'), url: `${this.publicApi}/meetings/${row.meetingId}/agenda.pdf` };
    }
    if (row.kind === 'minutes') {
      return { name: `Referat, ${row.committeeName}, ${copenhagenDate(row.startsAt)}`, fileName: minutesFileName(row.startsAt, 'public', 'pdf'), url: `${this.publicApi}/meetings/${row.meetingId}/minutes.pdf` };
    }
    return { name: row.name ?? '', fileName: row.name ?? '', url: `${this.publicApi}/attachments/${row.id}/content` };
  }

  /** Files as their meeting or item embeds them (without back-references); the meeting's place names them. */
  private embeddedFiles(files: EmbeddedFileRow[], kind: FileKind, meetingId: string, place?: Pick<FileRow, 'committeeName' | 'startsAt'>): OparlObject[] | undefined {
    if (!files.length) return undefined;
    const committeeName = place?.committeeName ?? '';
    // Written out, not spread from the file: one shape for every file row keeps the page's thousand of them cheap.
    return files.map((file) =>
      this.fileObject(
        {
          id: file.id,
          name: file.name,
          mimeType: file.mimeType,
          size: file.size,
          sha512: file.sha512,
          created: file.created,
          modified: file.modified,
          kind,
          meetingId,
          bodyId: '',
          itemId: null,
          caseNumber: null,
          committeeName,
          startsAt: place?.startsAt ?? file.created,
          deleted: false,
        },
        true,
      ),
    );
  }

  private meetingObject(row: MeetingRow, omitInternal: boolean): OparlObject {
    const id = this.url('meeting', row.id);
    return this.deletedOr(row, 'Meeting', id, () => ({
      name: row.title ?? row.committeeName,
      meetingState: MEETING_STATES[row.state],
      cancelled: false,
      start: dateTime(row.startsAt),
      end: row.endsAt ? dateTime(row.endsAt) : undefined,
      organization: [this.url('organization', row.committeeId)],
      invitation: row.invitation ? this.embeddedFiles([row.invitation], 'agenda', row.id, row)![0] : undefined,
      resultsProtocol: row.resultsProtocol ? this.embeddedFiles([row.resultsProtocol], 'minutes', row.id, row)![0] : undefined,
      agendaItem: omitInternal || !row.items.length ? undefined : row.items.map((item) => this.agendaItemObject(item)),
      location: row.location ? { ...this.stamps(row, 'Location', `${id}/location`), description: row.location, meetings: [id] } : undefined,
      web: `${this.portal}/moeder/${row.id}`,
    }));
  }

  private consultationObject(paperId: string, consultation: PaperRow['consultations'][number]): OparlObject {
    return {
      ...this.stamps(consultation, 'Consultation', this.url('consultation', consultation.id)),
      paper: paperId,
      agendaItem: this.url('agendaItem', consultation.id),
      meeting: this.url('meeting', consultation.meetingId),
      organization: [this.url('organization', consultation.committeeId)],
    };
  }

  private paperObject(row: PaperRow): OparlObject {
    const id = this.url('paper', encodeReference(row.id));
    return this.deletedOr(row, 'Paper', id, () => ({
      body: this.url('body', row.bodyId),
      name: row.name,
      reference: row.id,
      date: row.date,
      paperType: 'Sag',
      auxiliaryFile: this.embeddedFiles(row.files, 'attachment', ''),
      consultation: row.consultations.map((consultation) => this.consultationObject(id, consultation)),
    }));
  }

  /** The row, or 404 as for a record that does not exist: what is not public is not there. */
  private found<T>(row: T | null, record: NotFoundRecord | 'membership' | 'case', id: string): T {
    if (row) return row;
    if (record === 'membership') throw new DomainError('not-found', 'membership_not_found', `No public membership with id ${id}`, { id });
    if (record === 'case') throw new DomainError('not-found', 'case_not_found', `No public agenda item has the case number ${id}`, { caseNumber: id });
    throw DomainError.notFound(record, id);
  }

  /**
   * One page of a list: filters and position from the query (a cursor carries the filters it was given for), and
   * links.next repeating the filters with the cursor, so a client follows it to the list's end.
   */
  private async list<R>(
    listUrl: string,
    query: OparlListQueryDto,
    read: (window: ListWindow, page: ListPage) => Promise<Positioned<R>[]>,
    toObject: (row: R) => OparlObject,
    owner: () => Promise<unknown>,
  ): Promise<OparlListPage> {
    const filters = { created_since: query.created_since, created_until: query.created_until, modified_since: query.modified_since, modified_until: query.modified_until };
    const page = pageRequest({ limit: Math.min(query.limit ?? OPARL_PAGE_SIZE, OPARL_PAGE_SIZE), cursor: query.cursor }, filters);
    const window: ListWindow = {
      createdSince: page.filters.created_since,
      createdUntil: page.filters.created_until,
      modifiedSince: page.filters.modified_since,
      modifiedUntil: page.filters.modified_until,
    };
    const rows = await read(window, page);
    // An empty page may be of a body or committee that does not exist: only then is it asked for (404).
    if (!rows.length) await owner();
    const kept = rows.slice(0, page.limit);
    const parameters = new URLSearchParams(Object.entries({ ...page.filters, omit_internal: query.omit_internal }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    if (query.limit) parameters.set('limit', String(page.limit));
    const first = parameters.size ? `${listUrl}?${parameters}` : listUrl;
    const links: OparlListPage['links'] = { self: first, first };
    if (query.cursor) {
      const self = new URLSearchParams(parameters);
      self.set('cursor', query.cursor);
      links.self = `${listUrl}?${self}`;
    }
    if (rows.length > page.limit) {
      const next = new URLSearchParams(parameters);
      next.set('cursor', encodeCursor(kept[kept.length - 1].pagePosition, page.filters));
      links.next = `${listUrl}?${next}`;
    }
    return { data: kept.map(({ pagePosition: _position, ...row }) => toObject(row as R)), pagination: { elementsPerPage: page.limit }, links };
  }

  private async ownerBody(bodyId: string): Promise<void> {
    this.found(await this.oparl.body(bodyId), 'body', bodyId);
  }

  private async ownerCommittee(committeeId: string): Promise<void> {
    this.found(await this.oparl.organization(committeeId), 'committee', committeeId);
  }

  bodies(query: OparlListQueryDto): Promise<OparlListPage> {
    return this.list(this.url('body'), query, (window, page) => this.oparl.bodies(window, page), (row) => this.bodyObject(row), async () => undefined);
  }

  async body(id: string): Promise<OparlObject> {
    return this.bodyObject(this.found(await this.oparl.body(id), 'body', id));
  }

  async legislativeTerm(bodyId: string): Promise<OparlObject> {
    const body = await this.oparl.body(bodyId);
    if (!body?.termStart) throw DomainError.notFound('body', bodyId);
    return this.legislativeTermObject(body);
  }

  async organizations(bodyId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    return this.list(this.url('body', bodyId, 'organization'), query, (window, page) => this.oparl.organizations(bodyId, window, page), (row) => this.organizationObject(row), () => this.ownerBody(bodyId));
  }

  async organization(id: string): Promise<OparlObject> {
    return this.organizationObject(this.found(await this.oparl.organization(id), 'committee', id));
  }

  async organizationMeetings(committeeId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    const omit = query.omit_internal === 'true';
    return this.list(this.url('organization', committeeId, 'meeting'), query, (window, page) => this.oparl.meetings({ committeeId }, window, page), (row) => this.meetingObject(row, omit), () => this.ownerCommittee(committeeId));
  }

  async people(bodyId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    const omit = query.omit_internal === 'true';
    return this.list(this.url('body', bodyId, 'person'), query, (window, page) => this.oparl.people(bodyId, window, page), (row) => this.personObject(row, omit), () => this.ownerBody(bodyId));
  }

  async person(id: string): Promise<OparlObject> {
    return this.personObject(this.found(await this.oparl.person(id), 'person', id), false);
  }

  async memberships(bodyId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    return this.list(this.url('body', bodyId, 'membership'), query, (window, page) => this.oparl.memberships(bodyId, window, page), (row) => this.membershipObject(row), () => this.ownerBody(bodyId));
  }

  async membership(id: string): Promise<OparlObject> {
    return this.membershipObject(this.found(await this.oparl.membership(id), 'membership', id));
  }

  async meetings(bodyId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    const omit = query.omit_internal === 'true';
    return this.list(this.url('body', bodyId, 'meeting'), query, (window, page) => this.oparl.meetings({ bodyId }, window, page), (row) => this.meetingObject(row, omit), () => this.ownerBody(bodyId));
  }

  async meeting(id: string): Promise<OparlObject> {
    return this.meetingObject(this.found(await this.oparl.meeting(id), 'meeting', id), false);
  }

  async location(meetingId: string): Promise<OparlObject> {
    const meeting = await this.meeting(meetingId);
    if (!meeting.location) throw DomainError.notFound('meeting', meetingId);
    return meeting.location as OparlObject;
  }

  async agendaItems(bodyId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    return this.list(this.url('body', bodyId, 'agendaItem'), query, (window, page) => this.oparl.agendaItems(bodyId, window, page), (row) => this.agendaItemObject(row), () => this.ownerBody(bodyId));
  }

  async agendaItem(id: string): Promise<OparlObject> {
    return this.agendaItemObject(this.found(await this.oparl.agendaItem(id), 'agenda item', id));
  }

  async papers(bodyId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    return this.list(this.url('body', bodyId, 'paper'), query, (window, page) => this.oparl.papers(bodyId, window, page), (row) => this.paperObject(row), () => this.ownerBody(bodyId));
  }

  async paper(reference: string): Promise<OparlObject> {
    return this.paperObject(this.found(await this.oparl.paper(reference), 'case', reference));
  }

  async files(bodyId: string, query: OparlListQueryDto): Promise<OparlListPage> {
    return this.list(this.url('body', bodyId, 'file'), query, (window, page) => this.oparl.files(bodyId, window, page), (row) => this.fileObject(row, false), () => this.ownerBody(bodyId));
  }

  async file(kind: string, id: string): Promise<OparlObject> {
    const row = (FILE_KINDS as readonly string[]).includes(kind) ? await this.oparl.file(kind as FileKind, id) : null;
    if (!row) throw new DomainError('not-found', 'file_not_found', `No public file ${kind}/${id}; the kinds are ${FILE_KINDS.join(', ')}`, { kind, id });
    return this.fileObject(row, false);
  }

  /** An open item's handling of its case, as its paper holds it; a closed item names no case in public. */
  async consultation(itemId: string): Promise<OparlObject> {
    const item = await this.oparl.agendaItem(itemId);
    const paper = item && !item.deleted && !item.closed && item.caseNumber ? await this.oparl.paper(item.caseNumber) : null;
    const consultation = paper?.consultations.find((candidate) => candidate.id === itemId);
    if (!paper || !consultation) throw DomainError.notFound('agenda item', itemId);
    return this.consultationObject(this.url('paper', encodeReference(paper.id)), consultation);
  }
}
