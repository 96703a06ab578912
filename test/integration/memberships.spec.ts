import { todayInCopenhagen } from '@app/domain';
import { expectRefused, startTestApp, type TestApp } from '@app/test-kit';

const PASSWORD = 'Hedensted-udvalg-2024';
const UNKNOWN_ID = '3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50';

describe('committee memberships over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let bodyId: string;
  /** § 17, stk. 4 committee of the past term: 2024-01-01 to 2025-12-31. */
  let socialArea: { id: string; name: string };
  /** Standing committees of the current term, with open mandates, so seats count as held today. */
  let socialCare: { id: string };
  let learning: { id: string };


  const post = async (url: string, body: Record<string, unknown>, token = admin) => {
    const res = await t.request('POST', url, { token, body });
    expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.anything() });
    return res.body;
  };
  let emails = 0;
  const person = (name: string, extra: Record<string, unknown> = {}) => post('/api/people', { name, email: `person${++emails}@hedensted.dk`, ...extra });
  const addMember = (committeeId: string, body: Record<string, unknown>, token = admin) => () => t.request('POST', `/api/committees/${committeeId}/members`, { token, body });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    bodyId = (await post('/api/bodies', { name: 'Hedensted Kommune', kind: 'municipality', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31' })).id;
    socialArea = await post('/api/committees', { bodyId, name: 'Udvalg for omtænkning af socialområdet', kind: 'section-17-4', mandateStart: '2024-01-01', mandateEnd: '2025-12-31' });
    socialCare = await post('/api/committees', { bodyId, name: 'Social Omsorg', kind: 'standing', mandateStart: '2026-01-01' });
    learning = await post('/api/committees', { bodyId, name: 'Læring', kind: 'standing', mandateStart: '2026-01-01' });
  });
  afterAll(() => t.close());

  describe('refuses a seat that breaks a rule, changing nothing', () => {
    let birgit: { id: string };
    let other: { id: string };
    let third: { id: string };
    beforeAll(async () => {
      birgit = await person('Birgit Jakobsen', { party: 'KD' });
      other = await person('Anden Politiker');
      third = await person('Tredje Politiker');
      await post(`/api/committees/${socialArea.id}/members`, { personId: birgit.id, role: 'chair' });
      await post(`/api/committees/${socialArea.id}/members`, { personId: birgit.id, role: 'member', startDate: '2024-01-01', endDate: '2024-06-30' });
      await post(`/api/committees/${socialArea.id}/members`, { personId: third.id, role: 'vice-chair', endDate: '2024-12-31' });
    });

    it.each([
      ['a seat ending before it starts (400)', () => ({ role: 'member', startDate: '2024-06-01', endDate: '2024-05-31' }), 400, /membership ends \(2024-05-31\) before it starts \(2024-06-01\)/],
      ['a seat starting before the mandate (400)', () => ({ role: 'member', startDate: '2023-12-01' }), 400, /must lie within Udvalg for omtænkning af socialområdet's mandate \(2024-01-01 to 2025-12-31\)/],
      ['a seat ending after the mandate (400)', () => ({ role: 'member', startDate: '2025-01-01', endDate: '2026-01-31' }), 400, /must lie within .*mandate/],
      ['the same person twice in the same role at once (409)', () => ({ personId: birgit.id, role: 'member', startDate: '2024-03-01', endDate: '2024-09-30' }), 409, /already member of Udvalg for omtænkning af socialområdet from 2024-01-01 to 2024-06-30/],
      ['a second chair at once (409)', () => ({ role: 'chair', startDate: '2025-01-01' }), 409, /already has a chair from 2024-01-01 to 2025-12-31/],
      ['a second vice-chair at once (409)', () => ({ role: 'vice-chair', startDate: '2024-12-31' }), 409, /already has a vice-chair from 2024-01-01 to 2024-12-31/],
      ['an unknown personId (404 naming the field)', () => ({ personId: UNKNOWN_ID, role: 'member' }), 404, /personId names no person/],
      ['a malformed personId (400)', () => ({ personId: 'birgit', role: 'member' }), 400, /personId must be a UUID/],
      ['an unknown role (400)', () => ({ role: 'formand' }), 400, /role must be one of the following values: chair, vice-chair, member, secretary, administration, external/],
      ['a date that does not exist (400)', () => ({ role: 'member', startDate: '2024-02-30' }), 400, /startDate must be a real date as YYYY-MM-DD/],
      ['startDate sent as null (400)', () => ({ role: 'member', startDate: null }), 400, /startDate must be a real date/],
      ['an unknown field (400)', () => ({ role: 'member', party: 'KD' }), 400, /property party should not exist/],
    ])('%s', async (_, body, status, message) => {
      await expectRefused(t, addMember(socialArea.id, { personId: other.id, ...body() }), status, message);
    });

    it('an unknown or malformed committee id (404, 400)', async () => {
      await expectRefused(t, addMember(UNKNOWN_ID, { personId: other.id, role: 'member' }), 404, /No committee with id/);
      await expectRefused(t, addMember('udvalget', { personId: other.id, role: 'member' }), 400, /id in the path must be a UUID/);
      await expectRefused(t, () => t.request('GET', `/api/committees/${UNKNOWN_ID}/members`, { token: admin }), 404, /No committee with id/);
      await expectRefused(t, () => t.request('GET', `/api/committees/${socialArea.id}/members?current=yes`, { token: admin }), 400, /current must be a boolean/);
    });

    it('a new chair once the old one has stepped down is fine', async () => {
      const stepsDown = await person('Afgående Formand');
      const steps = await person('Ny Formand');
      await post(`/api/committees/${learning.id}/members`, { personId: stepsDown.id, role: 'chair', startDate: '2026-01-01', endDate: '2026-06-30' });
      await post(`/api/committees/${learning.id}/members`, { personId: steps.id, role: 'chair', startDate: '2026-07-01' });
    });
  });

  it("defaults a seat's start to today while the mandate runs, and to the mandate's first day before or after it", async () => {
    const newcomer = await person('Nyt Medlem');
    expect((await post(`/api/committees/${socialCare.id}/members`, { personId: newcomer.id, role: 'member' })).startDate).toBe(todayInCopenhagen());
    const future = await post('/api/committees', { bodyId, name: 'Kommende udvalg', kind: 'standing', mandateStart: '2099-01-01' });
    expect((await post(`/api/committees/${future.id}/members`, { personId: newcomer.id, role: 'member' })).startDate).toBe('2099-01-01');
    expect((await post(`/api/committees/${socialArea.id}/members`, { personId: newcomer.id, role: 'external' })).startDate).toBe('2024-01-01');
  });

  it('lists only the seats held today with current=true', async () => {
    const committee = await post('/api/committees', { bodyId, name: 'Fællesskab', kind: 'standing', mandateStart: '2026-01-01' });
    const sitting = await person('Siddende');
    const gone = await person('Udtrådt');
    await post(`/api/committees/${committee.id}/members`, { personId: sitting.id, role: 'member', startDate: '2026-01-01' });
    await post(`/api/committees/${committee.id}/members`, { personId: gone.id, role: 'member', startDate: '2026-01-01', endDate: '2026-01-31' });
    const current = await t.request('GET', `/api/committees/${committee.id}/members?current=true`, { token: admin });
    expect(current.body.items.map((m: { person: { name: string } }) => m.person.name)).toEqual(['Siddende']);
    const all = await t.request('GET', `/api/committees/${committee.id}/members?current=false`, { token: admin });
    expect(all.body.items).toHaveLength(2);
  });

  it('seats the person exactly once when 20 identical requests race', async () => {
    const racer = await person('Samtidig Sekretær');
    const committee = await post('/api/committees', { bodyId, name: 'Beskæftigelse', kind: 'standing', mandateStart: '2026-01-01' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => addMember(committee.id, { personId: racer.id, role: 'secretary' })()));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    expect(responses.find((r) => r.status === 409)!.body).toMatchObject({ code: 'membership_overlaps', message: expect.stringMatching(/already secretary of Beskæftigelse/) });
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM membership WHERE committee_id = $1', [committee.id]);
    expect(count).toBe(1);
  });

  it('answers a seat that the exclusion constraint refuses with the same 409 as the check', async () => {
    const committee = await post('/api/committees', { bodyId, name: 'Teknik og Miljø', kind: 'standing', mandateStart: '2026-01-01' });
    const member = await person('Konstant Medlem');
    const seat = { personId: member.id, role: 'member', startDate: '2026-02-01' };
    // A writer that does not take the committee lock seats the person in a transaction still open while our request is checked.
    const writer = t.dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`INSERT INTO membership (committee_id, person_id, role, start_date) VALUES ($1, $2, 'member', '2026-01-01')`, [committee.id, member.id]);
      const pending = addMember(committee.id, seat)();
      // Our request passed the check and waits on its INSERT: only the exclusion constraint can refuse it now.
      await waitUntil(async () => {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "membership"%'`,
        );
        return waiting > 0;
      });
      await writer.commitTransaction();
      const raced = await pending;
      const checked = await addMember(committee.id, seat)();
      expect(raced.status).toBe(409);
      expect(raced.body).toEqual(checked.body);
      expect(raced.body.message).toMatch(/already member of Teknik og Miljø from 2026-01-01 to open end/);
    } finally {
      await writer.release();
    }
  });

  it('removes a seat with 204, and answers 404 for a seat of another committee', async () => {
    const leaving = await person('Udtrædende');
    const seat = await post(`/api/committees/${socialCare.id}/members`, { personId: leaving.id, role: 'member' });
    await expectRefused(t, () => t.request('DELETE', `/api/committees/${learning.id}/members/${seat.id}`, { token: admin }), 404, /Læring has no membership with id/);
    const removed = await t.request('DELETE', `/api/committees/${socialCare.id}/members/${seat.id}`, { token: admin });
    expect(removed.status).toBe(204);
    await expectRefused(t, () => t.request('DELETE', `/api/committees/${socialCare.id}/members/${seat.id}`, { token: admin }), 404, /no membership with id/);
    await expectRefused(t, () => t.request('DELETE', `/api/committees/${socialCare.id}/members/x`, { token: admin }), 400, /membershipId in the path must be a UUID/);
  });

  it('ends a seat on a day with PATCH: kept among all seats with its last day, no longer held after it, refused outside the seat or the mandate', async () => {
    const leaving = await person('Udtrædende Medlem');
    const seat = await post(`/api/committees/${socialArea.id}/members`, { personId: leaving.id, role: 'external', startDate: '2024-03-01' });
    const end = (membershipId: string, body: Record<string, unknown>, committeeId = socialArea.id) => () =>
      t.request('PATCH', `/api/committees/${committeeId}/members/${membershipId}`, { token: admin, body });

    await expectRefused(t, end(seat.id, { endDate: '2024-02-29' }), 400, /membership ends \(2024-02-29\) before it starts \(2024-03-01\)/);
    await expectRefused(t, end(seat.id, { endDate: '2026-01-31' }), 400, /must lie within .*mandate/);
    await expectRefused(t, end(seat.id, { endDate: '2024-02-30' }), 400, /endDate must be a real date as YYYY-MM-DD/);
    await expectRefused(t, end(seat.id, {}), 400, /endDate/);
    await expectRefused(t, end(seat.id, { endDate: '2024-09-30', role: 'chair' }), 400, /role should not exist/);
    await expectRefused(t, end(seat.id, { endDate: '2024-09-30' }, learning.id), 404, /Læring has no membership with id/);
    expect((await t.request('GET', `/api/committees/${socialArea.id}/members?limit=500`, { token: admin })).body.items.find((row: { id: string }) => row.id === seat.id).endDate).toBeNull();

    const ended = await t.request('PATCH', `/api/committees/${socialArea.id}/members/${seat.id}`, { token: admin, body: { endDate: '2024-09-30' } });
    expect({ status: ended.status, endDate: ended.body.endDate, person: ended.body.person.name }).toEqual({ status: 200, endDate: '2024-09-30', person: 'Udtrædende Medlem' });
    const listed = (await t.request('GET', `/api/committees/${socialArea.id}/members?limit=500`, { token: admin })).body.items.find((row: { id: string }) => row.id === seat.id);
    expect({ startDate: listed.startDate, endDate: listed.endDate }).toEqual({ startDate: '2024-03-01', endDate: '2024-09-30' });
    const again = await post(`/api/committees/${socialArea.id}/members`, { personId: leaving.id, role: 'external', startDate: '2024-10-01' });
    expect(again.startDate).toBe('2024-10-01');
    const trail = await t.request('GET', `/api/audit?entityType=committee&entityId=${socialArea.id}&action=membership.ended`, { token: admin });
    expect(trail.body.items.map((entry: { details: unknown }) => entry.details)).toEqual([
      expect.objectContaining({ membershipId: seat.id, personId: leaving.id, role: 'external', startDate: '2024-03-01', endDate: '2024-09-30', previousEndDate: null }),
    ]);
  });

  describe('who may do what', () => {
    let secretary: string;
    let member: string;
    let learningSeatId: string;
    let subject: { id: string };

    beforeAll(async () => {
      const secretaryPerson = await person('Sanne Sekretær', { password: PASSWORD });
      const memberPerson = await person('Menig Medlem', { password: PASSWORD });
      subject = await person('Emne for Rettigheder');
      await post(`/api/committees/${socialCare.id}/members`, { personId: secretaryPerson.id, role: 'secretary' });
      await post(`/api/committees/${socialCare.id}/members`, { personId: memberPerson.id, role: 'member' });
      learningSeatId = (await post(`/api/committees/${learning.id}/members`, { personId: subject.id, role: 'member' })).id;
      secretary = await t.login(secretaryPerson.email, PASSWORD);
      member = await t.login(memberPerson.email, PASSWORD);
    });

    it("lets a committee's secretary seat and unseat members of that committee", async () => {
      const seat = await post(`/api/committees/${socialCare.id}/members`, { personId: subject.id, role: 'external' }, secretary);
      expect((await t.request('DELETE', `/api/committees/${socialCare.id}/members/${seat.id}`, { token: secretary })).status).toBe(204);
    });

    it('refuses the secretary on another committee, and on creating committees, people and bodies (403)', async () => {
      await expectRefused(t, addMember(learning.id, { personId: subject.id, role: 'external' }, secretary), 403, /secretary or an administrator/);
      await expectRefused(t, () => t.request('DELETE', `/api/committees/${learning.id}/members/${learningSeatId}`, { token: secretary }), 403, /secretary or an administrator/);
      await expectRefused(t, () => t.request('PATCH', `/api/committees/${learning.id}/members/${learningSeatId}`, { token: secretary, body: { endDate: '2026-06-30' } }), 403, /secretary or an administrator/);
      await expectRefused(t, () => t.request('POST', '/api/committees', { token: secretary, body: { bodyId, name: 'X', kind: 'standing', mandateStart: '2026-01-01' } }), 403, /administrator/);
      await expectRefused(t, () => t.request('POST', '/api/people', { token: secretary, body: { name: 'X', email: 'x@hedensted.dk' } }), 403, /administrator/);
      await expectRefused(t, () => t.request('POST', '/api/bodies', { token: secretary, body: { name: 'X', kind: 'region' } }), 403, /administrator/);
    });

    it('lets a plain member read but not write (403)', async () => {
      for (const url of [`/api/committees/${socialCare.id}/members`, `/api/committees/${learning.id}/members?current=true`, `/api/committees/${socialCare.id}`, '/api/committees', '/api/bodies', '/api/people']) {
        expect({ url, status: (await t.request('GET', url, { token: member })).status }).toEqual({ url, status: 200 });
      }
      await expectRefused(t, addMember(socialCare.id, { personId: subject.id, role: 'member' }, member), 403, /secretary or an administrator/);
      await expectRefused(t, () => t.request('DELETE', `/api/committees/${learning.id}/members/${learningSeatId}`, { token: member }), 403, /secretary or an administrator/);
    });

    it('refuses every request without a token (401)', async () => {
      await expectRefused(t, () => t.request('GET', `/api/committees/${socialCare.id}/members`), 401, /Log in/);
      await expectRefused(t, addMember(socialCare.id, { personId: subject.id, role: 'member' }, ''), 401, /Log in/);
      await expectRefused(t, () => t.request('DELETE', `/api/committees/${learning.id}/members/${learningSeatId}`), 401, /Log in/);
    });
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
