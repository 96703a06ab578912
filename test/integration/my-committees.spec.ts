import { type Fixtures, type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';

/** GET /api/me/committees: the committees one holds a seat in today, for the "Mine udvalg" of the Udvalg page. */
describe('my committees over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let secretary: LoggedIn;
  let social: string;
  let technical: string;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    const { id: bodyId } = await fixtures.body();
    const committee = async (name: string) => (await fixtures.committee({ bodyId, name, kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    social = await committee('Social- og Sundhedsudvalget');
    technical = await committee('Teknik- og Miljøudvalget');
    finance = await committee('Økonomiudvalget');
    const ended = await committee('Børne- og Ungeudvalget');
    const coming = await committee('Arbejdsmarkedsudvalget');
    secretary = await fixtures.member(technical, 'secretary', { name: 'Sekretær Signe' });
    await fixtures.seat(social, secretary.id, 'member');
    await fixtures.seat(ended, secretary.id, 'member', { endDate: '2024-12-31' });
    await fixtures.seat(coming, secretary.id, 'member', { startDate: '2099-01-01' });
  });
  afterAll(() => t.close());

  const mine = (who: { token: string }, query = '') => t.api.expect(200, 'GET', `/api/me/committees${query}`, { token: who.token });

  it('lists the committees I hold a seat in today, by name, in any role; an ended or coming seat does not count', async () => {
    const page = await mine(secretary);
    expect(page.items.map((row: { id: string; name: string }) => [row.id, row.name])).toEqual([
      [social, 'Social- og Sundhedsudvalget'],
      [technical, 'Teknik- og Miljøudvalget'],
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((row: { id: string }) => row.id)).not.toContain(finance);
  });

  it('comes a page at a time, the cursor leading on to the next', async () => {
    const first = await mine(secretary, '?limit=1');
    expect(first.items.map((row: { id: string }) => row.id)).toEqual([social]);
    const second = await mine(secretary, `?cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(second.items.map((row: { id: string }) => row.id)).toEqual([technical]);
    expect(second.nextCursor).toBeNull();
  });

  it('is empty for someone with no seat, the administrator too, and refuses one not logged in', async () => {
    expect(await mine({ token: fixtures.adminToken })).toEqual({ items: [], nextCursor: null });
    const director = await fixtures.person({ roles: ['director'], login: true });
    expect(await mine(director)).toEqual({ items: [], nextCursor: null });
    expect((await t.request('GET', '/api/me/committees')).status).toBe(401);
  });
});
