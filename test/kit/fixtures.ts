import { randomUUID } from 'node:crypto';
import type { ApiCaller } from './api-client.js';

/** The password of every person a fixture gives a login. */
export const FIXTURE_PASSWORD = 'fixture-password-123';

/** A meeting day in the past (inside a mandate starting 2024), so the meeting can be held at once. */
export const PAST_MEETING = { startsAt: '2025-03-03T09:00:00+01:00', endsAt: '2025-03-03T12:00:00+01:00' };

export interface Participant {
  id: string;
  name: string;
  email: string;
  /** Absent for a person made without a login. */
  token?: string;
}

export interface LoggedIn extends Participant {
  token: string;
}

/** A standing committee with its secretary, chair and members, all logged in. */
export interface CommitteeFixture {
  bodyId: string;
  committeeId: string;
  secretary: LoggedIn;
  chair: LoggedIn;
  members: LoggedIn[];
}

export interface PersonSpec {
  name?: string;
  email?: string;
  roles?: ('admin' | 'director')[];
  /** The bodies a director or admin acts for. */
  bodyIds?: string[];
  party?: string;
  title?: string;
  /** Give a login (and so a welcome e-mail) and log in. */
  login?: boolean;
}

/** A seat's period; left out, it begins on the committee's first day and stays open. */
export interface SeatPeriod {
  startDate?: string;
  endDate?: string | null;
}

/** What the API answers for a body, committee or membership it made. */
export type Created = { id: string } & Record<string, any>;

/**
 * Builds bodies, people, committees, seats, meetings and agendas through the API, as an administrator and a
 * secretary would: the fixtures go through the same validation, transactions, audit trail and outbox as real use
 * (a person given a login is sent a welcome e-mail). Unless told otherwise a body is Hedensted Kommune with the
 * election term 2022-25, and a committee its § 17, stk. 4 committee of 2024-25.
 */
export class Fixtures {
  /** Keeps e-mail addresses unique across runs that share a database server. */
  private readonly run = randomUUID().slice(0, 8);
  private people = 0;
  /** The first day of each committee's mandate, where seats begin by default. */
  private readonly mandateStarts = new Map<string, string>();

  constructor(
    readonly api: ApiCaller,
    readonly adminToken: string,
  ) {}

  private post(path: string, body: unknown): Promise<Created> {
    return this.api.expect(201, 'POST', path, { token: this.adminToken, body });
  }

  body(fields: Record<string, unknown> = {}): Promise<Created> {
    return this.post('/api/bodies', { name: 'Hedensted Kommune', kind: 'municipality', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31', ...fields });
  }

  /** A committee of the body `bodyId`, or of a new body. */
  async committee(fields: Record<string, unknown> = {}): Promise<Created> {
    const bodyId = fields.bodyId ?? (await this.body()).id;
    const committee = await this.post('/api/committees', {
      name: '§ 17, stk. 4-udvalget for nytænkning af socialområdet',
      kind: 'section-17-4',
      mandateStart: '2024-01-01',
      mandateEnd: '2025-12-31',
      ...fields,
      bodyId,
    });
    this.mandateStarts.set(committee.id, committee.mandateStart);
    return committee;
  }

  async person(spec: PersonSpec & { login: true }): Promise<LoggedIn>;
  async person(spec?: PersonSpec): Promise<Participant>;
  async person({ name, email, roles = [], bodyIds, party, title, login = false }: PersonSpec = {}): Promise<Participant> {
    this.people += 1;
    const address = email ?? `${this.run}-${this.people}@fixture.example.dk`;
    const fullName = name ?? `Person ${this.people}`;
    const created = await this.post('/api/people', {
      name: fullName,
      email: address,
      roles,
      ...(bodyIds ? { bodyIds } : {}),
      ...(party ? { party } : {}),
      ...(title ? { title } : {}),
      ...(login ? { password: FIXTURE_PASSWORD } : {}),
    });
    return { id: created.id, name: fullName, email: address, ...(login ? { token: await this.api.login(address, FIXTURE_PASSWORD) } : {}) };
  }

  /** Seats the person in the committee; the answer is the membership. */
  async seat(committeeId: string, personId: string, role: string, { startDate, endDate }: SeatPeriod = {}): Promise<Created> {
    const start = startDate ?? this.mandateStarts.get(committeeId) ?? (await this.api.expect(200, 'GET', `/api/committees/${committeeId}`, { token: this.adminToken })).mandateStart;
    return this.post(`/api/committees/${committeeId}/members`, { personId, role, startDate: start, ...(endDate !== undefined ? { endDate } : {}) });
  }

  /** A person with a login, seated in the committee with the role. */
  async member(committeeId: string, role: string, spec: Omit<PersonSpec, 'login'> = {}, period: SeatPeriod = {}): Promise<LoggedIn> {
    const person = await this.person({ ...spec, login: true });
    await this.seat(committeeId, person.id, role, period);
    return person;
  }

  /** A standing committee with an open mandate, a secretary, a chair and `memberCount` members, all logged in. */
  async staffedCommittee({ bodyId, name, memberCount }: { bodyId: string; name: string; memberCount: number }): Promise<CommitteeFixture> {
    const { id: committeeId } = await this.committee({ bodyId, name, kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const secretary = await this.member(committeeId, 'secretary', { name: `Sekretær for ${name}` });
    const chair = await this.member(committeeId, 'chair', { name: `Formand for ${name}` });
    const members: LoggedIn[] = [];
    for (let i = 1; i <= memberCount; i++) members.push(await this.member(committeeId, 'member', { name: `Medlem ${i} af ${name}` }));
    return { bodyId, committeeId, secretary, chair, members };
  }

  /** The committee's meetings as its secretary (or whoever `token` belongs to) works on them. */
  meetings(committeeId: string, token: string): MeetingFixtures {
    return new MeetingFixtures(this.api, token, committeeId);
  }
}

export interface MeetingSpec {
  startsAt: string;
  endsAt?: string;
  itemCount: number;
  /** Which item numbers (1-based) are closed (lukket punkt). */
  closedItems?: number[];
  /** Text put into every field of the closed items, to look for where it must never appear. */
  closedMarker?: string;
}

/**
 * A secretary's work on one committee's meetings, through the API. Every step must succeed; a refusal throws,
 * naming the request and the answer.
 */
export class MeetingFixtures {
  constructor(
    private readonly api: ApiCaller,
    private readonly token: string,
    readonly committeeId: string,
  ) {}

  /** A planned meeting at Rådhuset, on PAST_MEETING's day unless `fields` gives another start. */
  async meeting(fields: Record<string, unknown> = {}): Promise<string> {
    const times = fields.startsAt ? {} : PAST_MEETING;
    const meeting = await this.api.expect(201, 'POST', `/api/committees/${this.committeeId}/meetings`, { token: this.token, body: { ...times, location: 'Rådhuset, Mødelokale 1', ...fields } });
    return meeting.id;
  }

  item(meetingId: string, fields: Record<string, unknown>): Promise<any> {
    return this.api.expect(201, 'POST', `/api/meetings/${meetingId}/items`, { token: this.token, body: fields });
  }

  updateItem(itemId: string, fields: Record<string, unknown>): Promise<any> {
    return this.api.expect(200, 'PATCH', `/api/items/${itemId}`, { token: this.token, body: fields });
  }

  fireOnItem(itemId: string, event: string, extra: Record<string, unknown> = {}): Promise<any> {
    return this.api.expect(200, 'POST', `/api/items/${itemId}/transitions`, { token: this.token, body: { event, ...extra } });
  }

  fireOnMeeting(meetingId: string, event: string): Promise<any> {
    return this.api.expect(200, 'POST', `/api/meetings/${meetingId}/transitions`, { token: this.token, body: { event } });
  }

  /** Marks every item still a draft ready and sends the agenda. */
  async publish(meetingId: string): Promise<any> {
    const meeting = await this.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: this.token });
    for (const item of meeting.items.filter((i: { state: string }) => i.state === 'draft')) await this.fireOnItem(item.id, 'mark-ready');
    return this.fireOnMeeting(meetingId, 'publish');
  }

  /** Publishes and records that the meeting took place (its start must be past). */
  async hold(meetingId: string): Promise<any> {
    await this.publish(meetingId);
    return this.fireOnMeeting(meetingId, 'hold');
  }

  /** A planned meeting whose agenda has `itemCount` items of ordinary size in the Danish shape, each marked ready. */
  async meetingWithReadyItems(spec: MeetingSpec): Promise<{ meetingId: string; itemIds: string[] }> {
    const meetingId = await this.meeting({ startsAt: spec.startsAt, ...(spec.endsAt ? { endsAt: spec.endsAt } : {}), title: 'Ordinært møde' });
    const itemIds: string[] = [];
    for (let number = 1; number <= spec.itemCount; number++) {
      const item = await this.item(meetingId, agendaItemBody(number, spec.closedItems?.includes(number) ?? false, spec.closedMarker));
      await this.fireOnItem(item.id, 'mark-ready');
      itemIds.push(item.id);
    }
    return { meetingId, itemIds };
  }

  async publishedMeeting(spec: MeetingSpec): Promise<{ meetingId: string; itemIds: string[] }> {
    const meeting = await this.meetingWithReadyItems(spec);
    await this.publish(meeting.meetingId);
    return meeting;
  }

  /** A meeting that has taken place (`startsAt` must be past). */
  async heldMeeting(spec: MeetingSpec): Promise<{ meetingId: string; itemIds: string[] }> {
    const meeting = await this.meetingWithReadyItems(spec);
    await this.hold(meeting.meetingId);
    return meeting;
  }

  attendance(meetingId: string, personId: string, status: 'present' | 'absent' | 'virtual'): Promise<any> {
    return this.api.expect(200, 'PUT', `/api/meetings/${meetingId}/attendance/${personId}`, { token: this.token, body: { status } });
  }
}

/** An agenda item of ordinary size: a title, a case number, a resume, a recommendation and a short presentation. */
function agendaItemBody(number: number, closed: boolean, marker = ''): Record<string, unknown> {
  const secret = closed ? ` ${marker}` : '';
  return {
    title: `Punkt ${number}: Status på indsatsen for udsatte borgere${secret}`,
    caseNumber: `27.00.00-A00-${number}-24${secret}`.slice(0, 100),
    closed,
    // A closed item's reason in words carries the marker too; its public title is what the public may see.
    ...(closed ? { closedReason: 'other', closedReasonText: `Tavshedspligt${secret}`, publicTitle: 'Personalesag' } : {}),
    summary: `Udvalget orienteres om status for indsatsen og drøfter de næste skridt.${secret}`,
    recommendation: `Direktionen indstiller, at udvalget tager orienteringen til efterretning og drøfter prioriteringen.${secret}`,
    presentation: `${'Indsatsen har i perioden omfattet opsøgende arbejde, samarbejde med civilsamfundet og en ny visitationspraksis. '.repeat(6)}${secret}`,
    attachmentNames: [`Bilag ${number} - Statusnotat${secret}.pdf`],
  };
}
