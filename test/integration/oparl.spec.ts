import { type MeetingFixtures, startTestApp, type TestApp } from '@app/test-kit';
import { oparlValidator } from '../oparl-schema/validator.js';

const SCHEMA = 'https://schema.oparl.org/1.1/';
/** Put into every field of the closed items: a leak anywhere in an OParl answer is found by a plain search. */
const SECRET = 'XQ-LUKKET-OPARL-4471';
/** Small pages, so every list is walked over several of them. */
const LIMIT = 2;

type OparlObject = Record<string, any> & { id: string; type: string };

describe('OParl 1.1 at /oparl/v1.1, without login', () => {
  let t: TestApp;
  const validate = oparlValidator();
  /** Every answer's text, searched for what must never be published. */
  const answers: string[] = [];
  let bodyId: string;
  let committeeId: string;
  let workingGroupId: string;
  let secretaryEmail: string;
  let chairId: string;
  let externalId: string;
  let secretaryId: string;
  let driver: MeetingFixtures;
  let heldMeetingId: string;
  let heldItemIds: string[];
  let publishedMeetingIds: string[];
  let plannedMeetingId: string;
  let depublishedMeetingId: string;
  let beforeCancel: string;
  let beforeSeatEnded: string;

  /** GET of an OParl URL (a full URL under PUBLIC_BASE_URL, as the API gives them out). */
  async function get(url: string, status = 200): Promise<any> {
    expect(url.startsWith(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1`)).toBe(true);
    const { pathname, search } = new URL(url);
    const response = await t.request('GET', `${pathname}${search}`);
    expect({ url, status: response.status }).toEqual({ url, status });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    answers.push(response.text);
    return response.body;
  }

  function expectValid(object: OparlObject): void {
    expect({ id: object.id, errors: validate(object) }).toEqual({ id: object.id, errors: [] });
  }

  /** Follows links.next to the list's end, checking the layout of each page and every object against its schema. */
  async function walk(url: string): Promise<OparlObject[]> {
    const objects: OparlObject[] = [];
    let next: string | undefined = url;
    let pages = 0;
    while (next) {
      const page = await get(next);
      expect(Object.keys(page).sort()).toEqual(['data', 'links', 'pagination']);
      expect(page.data.length).toBeLessThanOrEqual(page.pagination.elementsPerPage);
      expect(page.pagination.elementsPerPage).toBeLessThanOrEqual(100);
      for (const object of page.data) expectValid(object);
      objects.push(...page.data);
      next = page.links.next;
      pages += 1;
      expect(pages).toBeLessThan(100);
    }
    expect(new Set(objects.map((object) => object.id)).size).toBe(objects.length);
    return objects;
  }

  const limited = (url: string, parameters = '') => `${url}?limit=${LIMIT}${parameters}`;

  beforeAll(async () => {
    t = await startTestApp();
    const fixtures = await t.fixtures();
    const body = await fixtures.body({ name: 'Hedensted Kommune' });
    bodyId = body.id;
    const committee = await fixtures.committee({ bodyId, name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    const secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sørensen' });
    secretaryId = secretary.id;
    secretaryEmail = secretary.email;
    chairId = (await fixtures.member(committeeId, 'chair', { name: 'Formand Frederiksen', party: 'Socialdemokratiet' })).id;
    for (let i = 1; i <= 3; i++) await fixtures.member(committeeId, 'member', { name: `Medlem ${i}`, party: 'Venstre' });
    externalId = (await fixtures.member(committeeId, 'external', { name: 'Ekstern Eriksen' })).id;
    await fixtures.member(committeeId, 'administration', { name: 'Administrativ Andersen' });
    const endedSeat = await fixtures.seat(committeeId, (await fixtures.person({ name: 'Tidligere Thomsen', party: 'Radikale' })).id, 'member', { startDate: '2024-01-01' });
    beforeSeatEnded = new Date().toISOString();
    await t.api.expect(200, 'PATCH', `/api/committees/${committeeId}/members/${endedSeat.id}`, { token: secretary.token, body: { endDate: '2024-06-30' } });
    workingGroupId = (await fixtures.committee({ bodyId, name: 'Arbejdsgruppe om sundhedsdata', kind: 'working-group', parentId: committeeId, mandateStart: '2024-01-01', mandateEnd: null })).id;

    driver = fixtures.meetings(committeeId, secretary.token);
    const held = await driver.heldMeeting({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 3, closedItems: [2], closedMarker: SECRET });
    heldMeetingId = held.meetingId;
    heldItemIds = held.itemIds;
    await driver.updateItem(heldItemIds[0], { decision: 'Udvalget tog orienteringen til efterretning.' });
    await driver.fireOnItem(heldItemIds[0], 'decide');
    await driver.updateItem(heldItemIds[1], { decision: `Beslutning ${SECRET}` });
    publishedMeetingIds = [];
    for (const day of ['2027-04-06', '2027-05-04', '2027-06-01']) {
      publishedMeetingIds.push((await driver.publishedMeeting({ startsAt: `${day}T09:00:00+02:00`, itemCount: 2, closedItems: [1], closedMarker: SECRET })).meetingId);
    }
    plannedMeetingId = (await driver.meetingWithReadyItems({ startsAt: '2027-08-03T09:00:00+02:00', itemCount: 1 })).meetingId;
    depublishedMeetingId = (await driver.publishedMeeting({ startsAt: '2027-09-07T09:00:00+02:00', itemCount: 1 })).meetingId;
    beforeCancel = new Date().toISOString();
    await driver.fireOnMeeting(depublishedMeetingId, 'cancel');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the entry point (System), which leads to the bodies', async () => {
    const system = await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1`);
    expectValid(system);
    expect(system).toMatchObject({ id: `${t.config.PUBLIC_BASE_URL}/oparl/v1.1`, type: `${SCHEMA}System`, oparlVersion: 'https://schema.oparl.org/1.1/' });
    const bodies = await walk(limited(system.body));
    expect(bodies.map((body) => body.name)).toEqual(['Hedensted Kommune']);
    const body = bodies[0];
    expect(body.legislativeTerm).toEqual([expect.objectContaining({ type: `${SCHEMA}LegislativeTerm`, startDate: '2022-01-01', endDate: '2025-12-31' })]);
    expect(await get(body.id)).toEqual(body);
    const term = await get(body.legislativeTerm[0].id);
    expectValid(term);
    expect(term).toEqual(body.legislativeTerm[0]);
  });

  it('walks every list of the body to its end, each object valid and the same at its own URL', async () => {
    const body = await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}`);
    for (const list of ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper'] as const) {
      const objects = await walk(limited(body[list]));
      expect({ list, count: objects.length > 0 }).toEqual({ list, count: true });
      for (const object of objects) expect(await get(object.id)).toEqual(object);
    }
  });

  it('gives the committees with their period, the working group under its committee, and their meetings', async () => {
    const organizations = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/organization`));
    const committee = organizations.find((organization) => organization.id.endsWith(committeeId))!;
    expect(committee).toMatchObject({ name: 'Udvalg for lighed i sundhed', startDate: '2024-01-01', organizationType: 'Gremium', classification: 'Stående udvalg' });
    expect(committee).not.toHaveProperty('endDate');
    expect(organizations.find((organization) => organization.id.endsWith(workingGroupId))).toMatchObject({ subOrganizationOf: committee.id });
    const meetings = await walk(limited(committee.meeting));
    expect(meetings.map((meeting) => meeting.id.split('/').pop()).sort()).toEqual([heldMeetingId, ...publishedMeetingIds].sort());
    expect(committee.membership).toHaveLength(6);
  });

  it('publishes politicians and external members with name, party and seats, never staff or an e-mail address', async () => {
    const people = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/person`));
    expect(people.map((person) => person.name).sort()).toEqual(['Ekstern Eriksen', 'Formand Frederiksen', 'Medlem 1', 'Medlem 2', 'Medlem 3', 'Tidligere Thomsen']);
    const chair = people.find((person) => person.id.endsWith(chairId))!;
    expect(chair.status).toEqual(['Socialdemokratiet']);
    expect(chair.membership).toEqual([expect.objectContaining({ role: 'Formand', votingRight: true, organization: expect.stringContaining(committeeId), startDate: '2024-01-01' })]);
    expect(people.find((person) => person.id.endsWith(externalId))!.membership[0]).toMatchObject({ role: 'Ekstern deltager', votingRight: false });
    const endedSeat = people.find((person) => person.name === 'Tidligere Thomsen')!.membership[0];
    expect(endedSeat).toMatchObject({ endDate: '2024-06-30' });
    // Ending the seat is a change a client asking for changes learns of: it is the only seat changed since.
    const changedSeats = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/membership`, `&modified_since=${encodeURIComponent(beforeSeatEnded)}`));
    expect(changedSeats.map((seat) => seat.id)).toEqual([endedSeat.id]);
    await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/person/${secretaryId}`, 404);
    const text = JSON.stringify(people);
    expect(text).not.toContain('@');
    expect(text).not.toContain('Sekretær Sørensen');
    expect(text).not.toContain('Administrativ Andersen');
  });

  it('gives sent agendas only, a closed item with public: false, "Lukket punkt" with its public title and no text', async () => {
    const meetings = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/meeting`));
    const ids = meetings.map((meeting) => meeting.id.split('/').pop());
    expect(ids).not.toContain(plannedMeetingId);
    expect(ids).not.toContain(depublishedMeetingId);
    await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/meeting/${plannedMeetingId}`, 404);
    const held = meetings.find((meeting) => meeting.id.endsWith(heldMeetingId))!;
    expect(held).toMatchObject({ name: 'Ordinært møde', meetingState: 'Afholdt', start: '2025-03-03T08:00:00+00:00', location: { description: 'Rådhuset, Mødelokale 1' } });
    expect(await get(held.location.id)).toEqual(held.location);
    const [open, closed, third] = held.agendaItem;
    expect(open).toMatchObject({ number: '1', order: 1, public: true, result: 'Afgjort', resolutionText: 'Udvalget tog orienteringen til efterretning.', meeting: held.id });
    expect(open.name).toContain('Status på indsatsen');
    expect(closed).toEqual({
      id: `${t.config.PUBLIC_BASE_URL}/oparl/v1.1/agendaItem/${heldItemIds[1]}`,
      type: `${SCHEMA}AgendaItem`,
      meeting: held.id,
      number: '2',
      order: 2,
      name: 'Lukket punkt: Personalesag',
      public: false,
      created: expect.any(String),
      modified: expect.any(String),
    });
    expect(third.public).toBe(true);
    expect(await get(closed.id)).toEqual(closed);
  });

  it('gives the cases by case number, each committee’s handling of it a consultation, closed items naming none', async () => {
    const papers = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/paper`));
    // Item 1 is closed on the published meetings, so its case is public through the held meeting's open item 1 only.
    expect(papers.map((paper) => paper.reference).sort()).toEqual(['27.00.00-A00-1-24', '27.00.00-A00-2-24', '27.00.00-A00-3-24']);
    const second = papers.find((paper) => paper.reference === '27.00.00-A00-2-24')!;
    expect(second.consultation).toHaveLength(3);
    for (const consultation of second.consultation) {
      expectValid(consultation);
      expect(await get(consultation.id)).toEqual(consultation);
      expect((await get(consultation.agendaItem)).consultation).toBe(consultation.id);
    }
    await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/consultation/${heldItemIds[1]}`, 404);
  });

  it('answers a meeting cancelled after its agenda was sent as deleted, and lists it only to modified_since', async () => {
    const depublished = await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/meeting/${depublishedMeetingId}`);
    expectValid(depublished);
    expect(Object.keys(depublished).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'type']);
    expect(depublished.deleted).toBe(true);
    const since = encodeURIComponent(beforeCancel);
    const changed = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/meeting`, `&modified_since=${since}`));
    expect(changed.map((meeting) => [meeting.id.split('/').pop(), meeting.deleted])).toEqual([[depublishedMeetingId, true]]);
    const items = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/agendaItem`, `&modified_since=${since}`));
    expect(items.map((item) => item.deleted)).toEqual([true]);
  });

  it('keeps the filters on every page and refuses a malformed one', async () => {
    const all = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/agendaItem`));
    const first = await get(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/agendaItem`, `&created_since=${encodeURIComponent('2020-01-01T00:00:00+01:00')}`));
    expect(first.links.next).toContain('created_since=2020-01-01T00%3A00%3A00%2B01%3A00');
    expect(await walk(first.links.first)).toEqual(all);
    const future = await walk(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/agendaItem?created_since=${encodeURIComponent('2999-01-01T00:00:00+00:00')}`);
    expect(future).toEqual([]);
    const until = await walk(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/meeting?modified_until=${encodeURIComponent('2000-01-01T00:00:00+00:00')}`);
    expect(until).toEqual([]);
    const bad = await t.request('GET', `/oparl/v1.1/body/${bodyId}/meeting?created_since=yesterday`);
    expect(bad.status).toBe(400);
    await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${committeeId}/meeting`, 404);
    const huge = await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/agendaItem?limit=1000`);
    expect(huge.pagination.elementsPerPage).toBe(100);
  });

  it('never shows a closed item’s text or an e-mail address in any answer', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const text of answers) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(secretaryEmail);
    }
  });
});
