import { createHash, randomBytes } from 'node:crypto';
import { type LoggedIn, type MeetingFixtures, oparlValidator, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';

const SCHEMA = 'https://schema.oparl.org/1.1/';
/** Put into every field of the closed items: a leak anywhere in an OParl answer is found by a plain search. */
const SECRET = 'XQ-LUKKET-OPARL-4471';
/** Small pages, so every list is walked over several of them. */
const LIMIT = 2;

type OparlObject = Record<string, any> & { id: string; type: string };

const pdfBytes = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('hex');

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
  let secretary: LoggedIn;
  /** The Bilag uploaded, by where they sit; `removed` was public on a published agenda until it was removed. */
  const bilag = { open: { id: '', bytes: Buffer.alloc(0) }, closed: '', removed: '', depublished: '', closedName: `Lukket bilag ${SECRET}.pdf` };
  let beforeRemoval: string;

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
    t = await startTestApp({ worker: true });
    const fixtures = await t.fixtures();
    const body = await fixtures.body({ name: 'Hedensted Kommune' });
    bodyId = body.id;
    const committee = await fixtures.committee({ bodyId, name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sørensen' });
    secretaryId = secretary.id;
    secretaryEmail = secretary.email;
    const chair = await fixtures.member(committeeId, 'chair', { name: 'Formand Frederiksen', party: 'Socialdemokratiet' });
    chairId = chair.id;
    await t.api.expect(200, 'PATCH', `/api/committees/${committeeId}`, { token: await t.adminToken(), body: { minutesSignedBy: 'chair-and-secretary' } });
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
    const upload = async (itemId: string, name: string, bytes: Buffer) => (await t.api.upload(`/api/items/${itemId}/attachments`, { bytes, name, type: 'application/pdf' }, { token: secretary.token })).body.id as string;
    bilag.open.bytes = pdfBytes(20_000);
    bilag.open.id = await upload(heldItemIds[0], 'Statusnotat om indsatsen.pdf', bilag.open.bytes);
    bilag.closed = await upload(heldItemIds[1], bilag.closedName, pdfBytes(5_000));
    // The minutes of the held meeting, published: its resultsProtocol.
    const fireMinutes = (who: LoggedIn, event: string) => t.api.expect(200, 'POST', `/api/meetings/${heldMeetingId}/minutes/transitions`, { token: who.token, body: { event } });
    await t.api.expect(202, 'POST', `/api/meetings/${heldMeetingId}/minutes`, { token: secretary.token });
    await waitForOutboxDrained(t.dataSource, 30_000);
    await fireMinutes(chair, 'approve');
    await fireMinutes(chair, 'sign');
    await fireMinutes(secretary, 'sign');
    await fireMinutes(secretary, 'publish');
    publishedMeetingIds = [];
    let publishedItemIds: string[] = [];
    for (const day of ['2027-04-06', '2027-05-04', '2027-06-01']) {
      const published = await driver.publishedMeeting({ startsAt: `${day}T09:00:00+02:00`, itemCount: 2, closedItems: [1], closedMarker: SECRET });
      publishedMeetingIds.push(published.meetingId);
      if (!publishedItemIds.length) publishedItemIds = published.itemIds;
    }
    // Item 2 of the first published meeting is open: a Bilag on it was public until it was removed.
    bilag.removed = await upload(publishedItemIds[1], 'Udkast.pdf', pdfBytes(3_000));
    beforeRemoval = new Date().toISOString();
    await t.api.expect(204, 'DELETE', `/api/attachments/${bilag.removed}`, { token: secretary.token });
    plannedMeetingId = (await driver.meetingWithReadyItems({ startsAt: '2027-08-03T09:00:00+02:00', itemCount: 1 })).meetingId;
    const depublished = await driver.publishedMeeting({ startsAt: '2027-09-07T09:00:00+02:00', itemCount: 1 });
    depublishedMeetingId = depublished.meetingId;
    bilag.depublished = await upload(depublished.itemIds[0], 'Tidsplan.pdf', pdfBytes(2_000));
    // Every agenda PDF built before the cancellation, so nothing but it changes after.
    await waitForOutboxDrained(t.dataSource, 30_000);
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
    for (const list of ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'file'] as const) {
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
    // Its agenda PDF and the Bilag of its open item were public until then.
    const files = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/file`, `&modified_since=${since}`));
    expect(files.map((file) => [file.id.split('/').slice(-2).join('/'), file.deleted]).sort()).toEqual([
      [`agenda/${depublishedMeetingId}`, true],
      [`attachment/${bilag.depublished}`, true],
    ]);
  });

  /** The bytes at a file's URL (a full URL under PUBLIC_BASE_URL, as OParl gives them out), without login. */
  async function fetchFile(url: string) {
    expect(url.startsWith(`${t.config.PUBLIC_BASE_URL}/api/public/`)).toBe(true);
    const { pathname, search } = new URL(url);
    const response = await t.api.download(`${pathname}${search}`);
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return response;
  }

  it('gives the public files, each valid, its accessUrl inline and its downloadUrl a download of the bytes its size and sha512 describe', async () => {
    const files = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/file`));
    const live = files.filter((file) => !file.deleted);
    // Four sent meetings' agendas, one published referat, one Bilag of an open item.
    expect(live.map((file) => file.id.split('/').slice(-2)[0]).sort()).toEqual(['agenda', 'agenda', 'agenda', 'agenda', 'attachment', 'minutes']);
    for (const file of live) {
      expect(file).toMatchObject({ mimeType: 'application/pdf', meeting: [expect.stringContaining('/oparl/v1.1/meeting/')] });
      const shown = await fetchFile(file.accessUrl);
      expect(shown.headers['content-disposition']).toMatch(/^inline; filename="/);
      const saved = await fetchFile(file.downloadUrl);
      expect(saved.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${file.fileName.replace(/[.]/g, '\\.')}"`));
      expect(saved.bytes.equals(shown.bytes)).toBe(true);
      expect({ id: file.id, size: shown.bytes.length, sha512: sha512(shown.bytes) }).toEqual({ id: file.id, size: file.size, sha512: file.sha512Checksum });
    }
    const attachment = live.find((file) => file.id.endsWith(`/file/attachment/${bilag.open.id}`))!;
    expect(attachment).toMatchObject({
      name: 'Statusnotat om indsatsen.pdf',
      fileName: 'Statusnotat om indsatsen.pdf',
      size: bilag.open.bytes.length,
      sha512Checksum: sha512(bilag.open.bytes),
      meeting: [`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/meeting/${heldMeetingId}`],
      agendaItem: [`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/agendaItem/${heldItemIds[0]}`],
      paper: [`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/paper/27.00.00-A00-1-24`],
    });
    expect((await fetchFile(attachment.downloadUrl)).bytes.equals(bilag.open.bytes)).toBe(true);
  });

  it('embeds the agenda as the meeting’s invitation, the referat as its resultsProtocol and the Bilag in their item and paper, without back-references', async () => {
    const held = await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/meeting/${heldMeetingId}`);
    expect(held.invitation).toMatchObject({ id: `${t.config.PUBLIC_BASE_URL}/oparl/v1.1/file/agenda/${heldMeetingId}`, fileName: 'dagsorden-udvalg-for-lighed-i-sundhed-2025-03-03-offentlig.pdf' });
    expect(held.resultsProtocol).toMatchObject({ id: `${t.config.PUBLIC_BASE_URL}/oparl/v1.1/file/minutes/${heldMeetingId}`, fileName: 'referat-2025-03-03-offentlig.pdf' });
    expect(held).not.toHaveProperty('auxiliaryFile');
    const [open, closed] = held.agendaItem;
    expect(open.auxiliaryFile.map((file: OparlObject) => file.id)).toEqual([`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/file/attachment/${bilag.open.id}`]);
    expect(closed).not.toHaveProperty('auxiliaryFile');
    const paper = await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/paper/27.00.00-A00-1-24`);
    expect(paper.auxiliaryFile).toEqual(open.auxiliaryFile);
    for (const embedded of [held.invitation, held.resultsProtocol, ...open.auxiliaryFile]) {
      expectValid(embedded);
      expect(embedded).not.toHaveProperty('meeting');
      const own = await get(embedded.id);
      const { meeting, agendaItem, paper: papers, ...rest } = own;
      expect(meeting).toEqual([held.id]);
      expect(rest).toEqual(embedded);
      if (embedded.id.includes('/attachment/')) expect({ agendaItem, papers }).toEqual({ agendaItem: [open.id], papers: [paper.id] });
    }
  });

  it('never publishes a closed item’s Bilag, not even as deleted, and answers a Bilag removed after publishing as deleted', async () => {
    await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/file/attachment/${bilag.closed}`, 404);
    await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/file/bilag/${bilag.open.id}`, 404);
    const everything = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/file`, `&modified_since=${encodeURIComponent('2000-01-01T00:00:00+00:00')}`));
    expect(everything.map((file) => file.id).join(' ')).not.toContain(bilag.closed);
    const removed = await get(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/file/attachment/${bilag.removed}`);
    expectValid(removed);
    expect(Object.keys(removed).sort()).toEqual(['accessUrl', 'created', 'deleted', 'id', 'modified', 'type']);
    await t.api.expect(404, 'GET', new URL(removed.accessUrl).pathname);
    expect(removed.deleted).toBe(true);
    expect(new Date(removed.modified).getTime()).toBeGreaterThanOrEqual(new Date(beforeRemoval).getTime() - 1000);
    const changed = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/file`, `&modified_since=${encodeURIComponent(beforeRemoval)}`));
    expect(changed.filter((file) => file.deleted).map((file) => file.id)).toEqual(expect.arrayContaining([removed.id]));
    const current = await walk(limited(`${t.config.PUBLIC_BASE_URL}/oparl/v1.1/body/${bodyId}/file`));
    expect(current.map((file) => file.id)).not.toContain(removed.id);
    expect(current.map((file) => file.id).join(' ')).not.toContain(depublishedMeetingId);
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
