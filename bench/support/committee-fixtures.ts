import { randomUUID } from 'node:crypto';
import { type ApiCaller, logIn } from './api-client.js';

/** The password of every person a fixture gives a login. */
export const FIXTURE_PASSWORD = 'fixture-password-123';

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

export interface CommitteeFixture {
  bodyId: string;
  committeeId: string;
  secretary: LoggedIn;
  chair: LoggedIn;
  members: LoggedIn[];
}

export interface PersonSpec {
  name: string;
  roles?: ('admin' | 'director')[];
  /** Give a login (and so a welcome e-mail) and log in. */
  login?: boolean;
}

/**
 * Builds committees, people, meetings and agendas through the API, as an administrator and a secretary would:
 * the fixtures go through the same validation, transactions and outbox as real use.
 */
export class CommitteeFixtures {
  /** Keeps e-mail addresses unique across runs that share a database server. */
  private readonly run = randomUUID().slice(0, 8);
  private people = 0;

  constructor(
    private readonly api: ApiCaller,
    private readonly adminToken: string,
  ) {}

  async body(name = 'Hedensted Kommune'): Promise<string> {
    const body = await this.api.expect(201, 'POST', '/api/bodies', { token: this.adminToken, body: { name, kind: 'municipality' } });
    return body.id;
  }

  async person(spec: PersonSpec & { login: true }): Promise<LoggedIn>;
  async person(spec: PersonSpec): Promise<Participant>;
  async person({ name, roles = [], login = false }: PersonSpec): Promise<Participant> {
    this.people += 1;
    const email = `${this.run}-${this.people}@fixture.example.dk`;
    const created = await this.api.expect(201, 'POST', '/api/people', {
      token: this.adminToken,
      body: { name, email, roles, ...(login ? { password: FIXTURE_PASSWORD } : {}) },
    });
    return { id: created.id, name, email, ...(login ? { token: await logIn(this.api, email, FIXTURE_PASSWORD) } : {}) };
  }

  async seat(committeeId: string, personId: string, role: string): Promise<string> {
    const membership = await this.api.expect(201, 'POST', `/api/committees/${committeeId}/members`, { token: this.adminToken, body: { personId, role } });
    return membership.id;
  }

  /** A standing committee with an open mandate, a secretary, a chair and `memberCount` members, all logged in. */
  async committee({ bodyId, name, memberCount }: { bodyId: string; name: string; memberCount: number }): Promise<CommitteeFixture> {
    const committee = await this.api.expect(201, 'POST', '/api/committees', {
      token: this.adminToken,
      body: { bodyId, name, kind: 'standing', mandateStart: '2024-01-01' },
    });
    const secretary = await this.person({ name: `Sekretær for ${name}`, login: true });
    const chair = await this.person({ name: `Formand for ${name}`, login: true });
    await this.seat(committee.id, secretary.id, 'secretary');
    await this.seat(committee.id, chair.id, 'chair');
    const members: LoggedIn[] = [];
    for (let i = 1; i <= memberCount; i++) {
      const member = await this.person({ name: `Medlem ${i} af ${name}`, login: true });
      await this.seat(committee.id, member.id, 'member');
      members.push(member);
    }
    return { bodyId, committeeId: committee.id, secretary, chair, members };
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

/** A secretary's work on one committee's meetings. */
export class MeetingFixtures {
  constructor(
    private readonly api: ApiCaller,
    private readonly secretaryToken: string,
    private readonly committeeId: string,
  ) {}

  /** A planned meeting whose agenda has `itemCount` items in the Danish shape, each marked ready. */
  async meetingWithReadyItems(spec: MeetingSpec): Promise<{ meetingId: string; itemIds: string[] }> {
    const token = this.secretaryToken;
    const meeting = await this.api.expect(201, 'POST', `/api/committees/${this.committeeId}/meetings`, {
      token,
      body: { startsAt: spec.startsAt, ...(spec.endsAt ? { endsAt: spec.endsAt } : {}), location: 'Rådhuset, mødelokale 2', title: 'Ordinært møde' },
    });
    const itemIds: string[] = [];
    for (let number = 1; number <= spec.itemCount; number++) {
      const closed = spec.closedItems?.includes(number) ?? false;
      const item = await this.api.expect(201, 'POST', `/api/meetings/${meeting.id}/items`, { token, body: agendaItemBody(number, closed, spec.closedMarker) });
      await this.api.expect(200, 'POST', `/api/items/${item.id}/transitions`, { token, body: { event: 'mark-ready' } });
      itemIds.push(item.id);
    }
    return { meetingId: meeting.id, itemIds };
  }

  async publish(meetingId: string, token = this.secretaryToken): Promise<void> {
    await this.api.expect(200, 'POST', `/api/meetings/${meetingId}/transitions`, { token, body: { event: 'publish' } });
  }

  async publishedMeeting(spec: MeetingSpec): Promise<{ meetingId: string; itemIds: string[] }> {
    const meeting = await this.meetingWithReadyItems(spec);
    await this.publish(meeting.meetingId);
    return meeting;
  }
}

/** An agenda item of ordinary size: a title, a case number, a resume, a recommendation and a short presentation. */
function agendaItemBody(number: number, closed: boolean, marker = ''): Record<string, unknown> {
  const secret = closed ? ` ${marker}` : '';
  return {
    title: `Punkt ${number}: Status på indsatsen for udsatte borgere${secret}`,
    caseNumber: `27.00.00-A00-${number}-24${secret}`.slice(0, 100),
    closed,
    summary: `Udvalget orienteres om status for indsatsen og drøfter de næste skridt.${secret}`,
    recommendation: `Direktionen indstiller, at udvalget tager orienteringen til efterretning og drøfter prioriteringen.${secret}`,
    presentation: `${'Indsatsen har i perioden omfattet opsøgende arbejde, samarbejde med civilsamfundet og en ny visitationspraksis. '.repeat(6)}${secret}`,
    attachmentNames: [`Bilag ${number} - Statusnotat${secret}.pdf`],
  };
}
