import { type Fixtures, type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';

/**
 * Where a case may be referred, as the referring secretary chooses it: the planned and published meetings of the
 * committees up the reporting line and of those that receive the committee's cases; no other committee's, no held,
 * closed or cancelled meeting, and only for the item's committee's secretary.
 */
describe('GET /api/items/:id/referral-targets', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let sectionSecretary: LoggedIn;
  let sectionMember: LoggedIn;
  let itemId: string;
  let financePlanned: string;
  let councilPublished: string;
  let technicalPlanned: string;
  let otherPlanned: string;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    const { id: bodyId } = await fixtures.body();
    const open = { mandateStart: '2024-01-01', mandateEnd: null };
    const council = await fixtures.committee({ bodyId, name: 'Byrådet', kind: 'council', ...open });
    const finance = await fixtures.committee({ bodyId, name: 'PKØ-udvalget', kind: 'finance', reportsToId: council.id, ...open });
    const section = await fixtures.committee({ bodyId, name: '§ 17, stk. 4-udvalget', kind: 'section-17-4', reportsToId: finance.id, mandateStart: '2024-01-01', mandateEnd: '2025-12-31' });
    const technical = await fixtures.committee({ bodyId, name: 'Teknik- og Miljøudvalget', kind: 'standing', ...open });
    const other = await fixtures.committee({ bodyId, name: 'Kultur- og Fritidsudvalget', kind: 'standing', ...open });
    sectionSecretary = await fixtures.member(section.id, 'secretary');
    sectionMember = await fixtures.member(section.id, 'member');
    const secretaryOf = async (committeeId: string) => fixtures.meetings(committeeId, (await fixtures.member(committeeId, 'secretary')).token);
    const financeDriver = await secretaryOf(finance.id);
    const councilDriver = await secretaryOf(council.id);
    const technicalDriver = await secretaryOf(technical.id);
    const otherDriver = await secretaryOf(other.id);
    await t.api.expect(200, 'PUT', `/api/committees/${technical.id}/referral-sources/${section.id}`, { token: fixtures.adminToken });

    const sectionDriver = fixtures.meetings(section.id, sectionSecretary.token);
    const held = await sectionDriver.meeting();
    itemId = (await sectionDriver.item(held, { title: 'Nytænkning af socialområdet' })).id;
    await sectionDriver.hold(held);

    const upcoming = { startsAt: '2027-06-14T15:00:00+02:00', endsAt: '2027-06-14T17:00:00+02:00' };
    financePlanned = await financeDriver.meeting(upcoming);
    councilPublished = await councilDriver.meeting({ ...upcoming, startsAt: '2027-06-21T15:00:00+02:00', endsAt: '2027-06-21T17:00:00+02:00' });
    await councilDriver.item(councilPublished, { title: 'Gensidig orientering' });
    await councilDriver.publish(councilPublished);
    const councilCancelled = await councilDriver.meeting(upcoming);
    await councilDriver.fireOnMeeting(councilCancelled, 'cancel');
    const financeHeld = await financeDriver.meeting();
    await financeDriver.item(financeHeld, { title: 'Regnskab' });
    await financeDriver.hold(financeHeld);
    technicalPlanned = await technicalDriver.meeting(upcoming);
    otherPlanned = await otherDriver.meeting(upcoming);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the upcoming meetings up the reporting line and of the committees receiving the cases, newest first', async () => {
    const page = await t.api.expect(200, 'GET', `/api/items/${itemId}/referral-targets`, { token: sectionSecretary.token });
    // Finance's and the technical committee's meetings start at one instant: the later id comes first.
    expect(page.items.map((meeting: { id: string }) => meeting.id)).toEqual([councilPublished, ...[technicalPlanned, financePlanned].sort().reverse()]);
    expect(page.items.map((meeting: { id: string }) => meeting.id)).not.toContain(otherPlanned);
    expect(page.items.find((meeting: { id: string }) => meeting.id === councilPublished)).toMatchObject({ committeeName: 'Byrådet', state: 'published' });
    expect(page.nextCursor).toBeNull();
  });

  it('pages the list with a cursor', async () => {
    const first = await t.api.expect(200, 'GET', `/api/items/${itemId}/referral-targets?limit=2`, { token: sectionSecretary.token });
    expect(first.items).toHaveLength(2);
    const second = await t.api.expect(200, 'GET', `/api/items/${itemId}/referral-targets?limit=2&cursor=${first.nextCursor}`, { token: sectionSecretary.token });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('is for the item’s committee’s secretary only, and a clear 4xx for a bad id', async () => {
    expect((await t.request('GET', `/api/items/${itemId}/referral-targets`, { token: sectionMember.token })).status).toBe(403);
    expect((await t.request('GET', '/api/items/not-a-uuid/referral-targets', { token: sectionSecretary.token })).status).toBe(400);
    expect((await t.request('GET', '/api/items/00000000-0000-4000-8000-000000000000/referral-targets', { token: sectionSecretary.token })).status).toBe(404);
  });
});
