import { ADMIN, expectRefused, startTestApp, type TestApp } from '@app/test-kit';

const HEDENSTED = { name: 'Hedensted Kommune', kind: 'municipality', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31' };
const UNKNOWN_ID = '3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50';

describe('bodies over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let plainToken: string;


  const post = async (url: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', url, { token: admin, body });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    await post('/api/people', { name: 'Anne Plain', email: 'anne@hedensted.dk', password: 'Hedensted-udvalg-2024' });
    plainToken = await t.login('anne@hedensted.dk', 'Hedensted-udvalg-2024');
  });
  afterAll(() => t.close());

  it('creates a municipality with its election term and a region without one', async () => {
    const hedensted = await post('/api/bodies', HEDENSTED);
    expect(hedensted).toEqual({
      id: expect.any(String),
      ...HEDENSTED,
      closedDays: ['06-05', '12-24', '12-31'],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const region = await post('/api/bodies', { name: 'Region Midtjylland', kind: 'region' });
    expect(region).toMatchObject({ electionTermStart: null, electionTermEnd: null });
    const list = await t.request('GET', '/api/bodies', { token: plainToken });
    expect(list.body.items.map((b: { name: string }) => b.name)).toEqual(expect.arrayContaining(['Hedensted Kommune', 'Region Midtjylland']));
    expect((await t.request('GET', `/api/bodies/${region.id}`, { token: plainToken })).body).toEqual(region);
  });

  it.each([
    ['a term ending before it starts', { ...HEDENSTED, electionTermEnd: '2021-12-31' }, /election term ends \(2021-12-31\) before it starts \(2022-01-01\)/],
    ['a date that does not exist', { ...HEDENSTED, electionTermStart: '2022-02-30' }, /electionTermStart must be a real date as YYYY-MM-DD/],
    ['an instant where a date belongs', { ...HEDENSTED, electionTermEnd: '2025-12-31T23:00:00Z' }, /electionTermEnd must be a real date/],
    ['an unknown kind', { ...HEDENSTED, kind: 'county' }, /kind must be one of the following values: municipality, region/],
    ['an unknown field', { ...HEDENSTED, council: 'Byrådet' }, /property council should not exist/],
    ['a missing name', { kind: 'region' }, /name/],
    ['a closed day in the wrong form', { ...HEDENSTED, closedDays: ['24/12'] }, /each of closedDays must be a day of the year MM-DD/],
    ['a closed day that no year has', { ...HEDENSTED, closedDays: ['06-31'] }, /"06-31" is not a day of the year/],
  ])('refuses %s with 400', async (_, body, message) => {
    await expectRefused(t, () => t.request('POST', '/api/bodies', { token: admin, body }), 400, message);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    await expectRefused(t, () => t.request('GET', '/api/bodies/123', { token: plainToken }), 400, /id in the path must be a UUID/);
    await expectRefused(t, () => t.request('GET', `/api/bodies/${UNKNOWN_ID}`, { token: plainToken }), 404, /No body with id/);
    await expectRefused(t, () => t.request('PATCH', `/api/bodies/${UNKNOWN_ID}`, { token: admin, body: { name: 'X' } }), 404, /No body with id/);
  });

  it('changes a body, and refuses a term that a § 17, stk. 4 committee of the body would outlive', async () => {
    const body = await post('/api/bodies', { ...HEDENSTED, name: 'Hedensted' });
    await post('/api/committees', { bodyId: body.id, name: 'Udvalg for omtænkning af socialområdet', kind: 'section-17-4', mandateStart: '2024-01-01', mandateEnd: '2025-12-31' });
    const renamed = await t.request('PATCH', `/api/bodies/${body.id}`, { token: admin, body: { name: 'Hedensted Kommune' } });
    expect(renamed.body).toMatchObject({ name: 'Hedensted Kommune', electionTermEnd: '2025-12-31' });
    const patch = (changes: unknown) => () => t.request('PATCH', `/api/bodies/${body.id}`, { token: admin, body: changes });
    await expectRefused(t, patch({ electionTermEnd: '2025-06-30' }), 409, /Udvalg for omtænkning af socialområdet \(until 2025-12-31\)/);
    await expectRefused(t, patch({ electionTermStart: '2026-01-01' }), 400, /ends \(2025-12-31\) before it starts \(2026-01-01\)/);
    await expectRefused(t, patch({ name: null }), 400, /name/);
    expect((await t.request('GET', `/api/bodies/${body.id}`, { token: admin })).body).toEqual(renamed.body);
  });

  it('keeps the closed days the working-day deadlines skip, each once and in calendar order', async () => {
    const body = await post('/api/bodies', { ...HEDENSTED, name: 'Åben Kommune', closedDays: ['12-24', '05-01', '12-24'] });
    expect(body.closedDays).toEqual(['05-01', '12-24']);
    const changed = await t.request('PATCH', `/api/bodies/${body.id}`, { token: admin, body: { closedDays: [] } });
    expect(changed.body.closedDays).toEqual([]);
    await expectRefused(t, () => t.request('PATCH', `/api/bodies/${body.id}`, { token: admin, body: { closedDays: null } }), 400, /closedDays must be an array/);
  });

  it('lets only an administrator write, and nobody without a token read', async () => {
    const body = await post('/api/bodies', { ...HEDENSTED, name: 'Beskyttet Kommune' });
    await expectRefused(t, () => t.request('POST', '/api/bodies', { token: plainToken, body: HEDENSTED }), 403, /administrator/);
    await expectRefused(t, () => t.request('PATCH', `/api/bodies/${body.id}`, { token: plainToken, body: { name: 'X' } }), 403, /administrator/);
    await expectRefused(t, () => t.request('GET', '/api/bodies'), 401, /Log in/);
  });

  it('keeps each write in the audit trail with the actor and request id', async () => {
    const body = await post('/api/bodies', { ...HEDENSTED, name: 'Revideret Kommune' });
    await t.request('PATCH', `/api/bodies/${body.id}`, { token: admin, body: { electionTermEnd: null }, headers: { 'x-request-id': 'bodies-audit-1' } });
    const trail = await t.request('GET', `/api/audit?entityType=body&entityId=${body.id}`, { token: admin });
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['body.updated', 'body.created']);
    expect(trail.body.items[0]).toMatchObject({ actorEmail: ADMIN.email, clientRequestId: 'bodies-audit-1', details: { changes: { electionTermEnd: null } } });
  });
});
