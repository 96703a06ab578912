import { type ApiResponse, type CommitteeFixture, expectRefused, type Fixtures, type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';

const UNKNOWN_ID = '3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50';

describe('the red thread (den røde tråd) over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: string;
  let bodyId: string;
  let health: CommitteeFixture;
  /** A secretary of another committee of the same body, and one of another body's committee. */
  let economySecretary: LoggedIn;
  let regionSecretary: LoggedIn;
  let regionAimId: string;
  let phaseId: string;
  let meetingId: string;
  let openItemId: string;
  let closedItemId: string;
  const aims: Record<string, string> = {};

  const as = (token: string) => ({
    get: (url: string) => t.request('GET', url, { token }),
    post: (url: string, body: unknown) => t.request('POST', url, { token, body }),
    patch: (url: string, body: unknown) => t.request('PATCH', url, { token, body }),
    put: (url: string, body: unknown) => t.request('PUT', url, { token, body }),
    delete: (url: string) => t.request('DELETE', url, { token }),
  });

  /** Refused with the status and the code that names the problem, every table as it was. */
  async function expectRefusedUnchanged(request: () => Promise<ApiResponse>, status: number, code: string): Promise<void> {
    expect((await expectRefused(t, request, status, /\S/)).body.code).toBe(code);
  }

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    admin = await t.adminToken();
    bodyId = (await fixtures.body()).id;
    health = await fixtures.staffedCommittee({ bodyId, name: 'Udvalg for lighed i sundhed', memberCount: 1 });
    const economy = await fixtures.committee({ bodyId, name: 'Økonomiudvalget', kind: 'finance', mandateStart: '2024-01-01', mandateEnd: null });
    economySecretary = await fixtures.member(economy.id, 'secretary');
    const region = await fixtures.committee({ name: 'Regionsrådets forretningsudvalg', kind: 'finance', mandateStart: '2024-01-01', mandateEnd: null });
    regionSecretary = await fixtures.member(region.id, 'secretary');
    const regionBodyId = (await as(admin).get(`/api/committees/${region.id}`)).body.bodyId;
    regionAimId = (await as(admin).post(`/api/bodies/${regionBodyId}/aims`, { title: 'Sundhed for alle' })).body.id;

    const phase = await as(health.secretary.token).post(`/api/committees/${health.committeeId}/phases`, { title: 'Partnerskaber', fromQuarter: '2024-Q2', toQuarter: '2024-Q4', theme: 'Fællesskaber' });
    expect(phase.status).toBe(201);
    phaseId = phase.body.id;
    const meeting = await fixtures.meetings(health.committeeId, health.secretary.token).meetingWithReadyItems({ startsAt: '2025-03-03T09:00:00+01:00', itemCount: 2, closedItems: [2] });
    meetingId = meeting.meetingId;
    [openItemId, closedItemId] = meeting.itemIds;
  });
  afterAll(() => t.close());

  it("records the body's aims in order, for its administrator and the secretary of any of its committees", async () => {
    const first = await as(admin).post(`/api/bodies/${bodyId}/aims`, { title: 'Vækst i balance', description: 'Vækst i hele kommunen' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), bodyId, title: 'Vækst i balance', description: 'Vækst i hele kommunen', position: 1 });
    const second = await as(health.secretary.token).post(`/api/bodies/${bodyId}/aims`, { title: 'Forpligtende fællesskaber' });
    expect(second.body).toMatchObject({ position: 2, description: null });
    const third = await as(economySecretary.token).post(`/api/bodies/${bodyId}/aims`, { title: 'Smidige og effektive processer', position: 2 });
    expect(third.body).toMatchObject({ position: 2 });
    Object.assign(aims, { growth: first.body.id, community: second.body.id, processes: third.body.id });

    const list = await as(health.members[0].token).get(`/api/bodies/${bodyId}/aims`);
    expect(list.body.map((aim: { title: string; position: number }) => [aim.position, aim.title])).toEqual([
      [1, 'Vækst i balance'],
      [2, 'Smidige og effektive processer'],
      [3, 'Forpligtende fællesskaber'],
    ]);
  });

  it('changes and moves an aim, and removes one with its tags, the others moving up', async () => {
    const moved = await as(admin).patch(`/api/bodies/${bodyId}/aims/${aims.community}`, { position: 1, description: 'Vi løfter i flok' });
    expect(moved.body).toMatchObject({ title: 'Forpligtende fællesskaber', description: 'Vi løfter i flok', position: 1 });
    const temporary = (await as(admin).post(`/api/bodies/${bodyId}/aims`, { title: 'Midlertidigt' })).body;
    expect((await as(health.secretary.token).put(`/api/committees/${health.committeeId}/aims`, { aimIds: [temporary.id] })).status).toBe(200);
    expect((await as(admin).delete(`/api/bodies/${bodyId}/aims/${temporary.id}`)).status).toBe(204);
    expect((await as(admin).get(`/api/committees/${health.committeeId}/aims`)).body).toEqual({ aimIds: [] });
    const list = await as(admin).get(`/api/bodies/${bodyId}/aims`);
    expect(list.body.map((aim: { title: string }) => aim.title)).toEqual(['Forpligtende fællesskaber', 'Vækst i balance', 'Smidige og effektive processer']);
    expect(list.body.map((aim: { position: number }) => aim.position)).toEqual([1, 2, 3]);
  });

  it('refuses aims to anyone else, a title the body has, and bad input, changing nothing', async () => {
    await expectRefusedUnchanged(() => as(health.members[0].token).post(`/api/bodies/${bodyId}/aims`, { title: 'Nyt' }), 403, 'forbidden');
    await expectRefusedUnchanged(() => as(regionSecretary.token).post(`/api/bodies/${bodyId}/aims`, { title: 'Nyt' }), 403, 'forbidden');
    await expectRefusedUnchanged(() => as(health.chair.token).patch(`/api/bodies/${bodyId}/aims/${aims.growth}`, { title: 'Nyt' }), 403, 'forbidden');
    await expectRefusedUnchanged(() => as(admin).post(`/api/bodies/${bodyId}/aims`, { title: 'Vækst i balance' }), 409, 'aim_title_taken');
    await expectRefusedUnchanged(() => as(admin).patch(`/api/bodies/${bodyId}/aims/${aims.community}`, { title: 'Vækst i balance' }), 409, 'aim_title_taken');
    await expectRefusedUnchanged(() => as(admin).post(`/api/bodies/${bodyId}/aims`, { title: '   ' }), 400, 'validation_failed');
    await expectRefusedUnchanged(() => as(admin).post(`/api/bodies/${bodyId}/aims`, { title: 'X', position: 0 }), 400, 'validation_failed');
    await expectRefusedUnchanged(() => as(admin).post(`/api/bodies/${UNKNOWN_ID}/aims`, { title: 'X' }), 404, 'body_not_found');
    // An aim of another body is not one of this body's aims.
    await expectRefusedUnchanged(() => as(admin).patch(`/api/bodies/${bodyId}/aims/${regionAimId}`, { title: 'X' }), 404, 'strategic_aim_not_found');
  });

  it("tags the committee, a phase and items with the body's aims, replacing what they had", async () => {
    const committee = await as(health.secretary.token).put(`/api/committees/${health.committeeId}/aims`, { aimIds: [aims.growth, aims.community] });
    expect(committee.body).toEqual({ aimIds: [aims.community, aims.growth] });
    expect((await as(health.secretary.token).put(`/api/phases/${phaseId}/aims`, { aimIds: [aims.processes] })).body).toEqual({ aimIds: [aims.processes] });
    expect((await as(health.secretary.token).put(`/api/phases/${phaseId}/aims`, { aimIds: [aims.community] })).body).toEqual({ aimIds: [aims.community] });
    expect((await as(health.secretary.token).put(`/api/items/${openItemId}/aims`, { aimIds: [aims.community] })).status).toBe(200);
    expect((await as(admin).put(`/api/items/${closedItemId}/aims`, { aimIds: [aims.community] })).status).toBe(200);
    expect((await as(health.members[0].token).get(`/api/phases/${phaseId}/aims`)).body).toEqual({ aimIds: [aims.community] });
    expect((await as(health.members[0].token).get(`/api/items/${closedItemId}/aims`)).body).toEqual({ aimIds: [aims.community] });
    // The phase keeps its free-text theme beside its aims.
    expect((await as(admin).get(`/api/phases/${phaseId}`)).body.theme).toBe('Fællesskaber');
  });

  it('refuses an aim of another body with 422, an unknown aim with 404 and anyone but the secretary with 403, changing nothing', async () => {
    await expectRefusedUnchanged(() => as(health.secretary.token).put(`/api/committees/${health.committeeId}/aims`, { aimIds: [aims.growth, regionAimId] }), 422, 'aim_of_other_body');
    await expectRefusedUnchanged(() => as(health.secretary.token).put(`/api/phases/${phaseId}/aims`, { aimIds: [regionAimId] }), 422, 'aim_of_other_body');
    await expectRefusedUnchanged(() => as(admin).put(`/api/items/${openItemId}/aims`, { aimIds: [regionAimId] }), 422, 'aim_of_other_body');
    await expectRefusedUnchanged(() => as(health.secretary.token).put(`/api/items/${openItemId}/aims`, { aimIds: [UNKNOWN_ID] }), 404, 'strategic_aim_not_found');
    await expectRefusedUnchanged(() => as(economySecretary.token).put(`/api/committees/${health.committeeId}/aims`, { aimIds: [] }), 403, 'forbidden');
    await expectRefusedUnchanged(() => as(health.chair.token).put(`/api/items/${openItemId}/aims`, { aimIds: [] }), 403, 'forbidden');
    await expectRefusedUnchanged(() => as(health.secretary.token).put(`/api/phases/${UNKNOWN_ID}/aims`, { aimIds: [] }), 404, 'phase_not_found');
    await expectRefusedUnchanged(() => as(health.secretary.token).put(`/api/items/${openItemId}/aims`, { aimIds: 'alle' }), 400, 'validation_failed');
    await expectRefusedUnchanged(() => as(health.secretary.token).put(`/api/items/${openItemId}/aims`, { aimIds: [aims.growth, aims.growth] }), 400, 'validation_failed');
    expect((await as(economySecretary.token).get(`/api/items/${openItemId}/aims`)).status).toBe(403);
  });

  it('shows per aim the committees, phases and items; a closed item in full only to those seated in its committee', async () => {
    const member = await as(health.members[0].token).get(`/api/bodies/${bodyId}/strategy`);
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({ bodyId, bodyName: 'Hedensted Kommune' });
    expect(member.body.aims.map((aim: { title: string }) => aim.title)).toEqual(['Forpligtende fællesskaber', 'Vækst i balance', 'Smidige og effektive processer']);
    const [community, growth, processes] = member.body.aims;
    expect(community.committees).toEqual([{ id: health.committeeId, name: 'Udvalg for lighed i sundhed' }]);
    expect(community.phases).toEqual([
      { id: phaseId, title: 'Partnerskaber', committeeId: health.committeeId, committeeName: 'Udvalg for lighed i sundhed', fromQuarter: '2024-Q2', toQuarter: '2024-Q4', state: 'planned' },
    ]);
    expect(community.items).toHaveLength(2);
    expect(community.items[0]).toMatchObject({ id: openItemId, number: 1, closed: false, meetingId, meetingStartsAt: '2025-03-03T08:00:00.000Z', committeeId: health.committeeId });
    expect(community.items[1]).toMatchObject({ id: closedItemId, number: 2, closed: true });
    expect(community.items[1].title).not.toBe('Lukket punkt');
    expect(growth).toMatchObject({ committees: [{ id: health.committeeId }], phases: [], items: [] });
    expect(processes).toMatchObject({ committees: [], phases: [], items: [] });

    // The body's administrator reads every committee but has no seat: the closed item is a closed item.
    const bodyAdmin = await as(admin).get(`/api/bodies/${bodyId}/strategy`);
    expect(bodyAdmin.body.aims[0].items[1]).toMatchObject({ id: closedItemId, title: 'Lukket punkt', closed: true });
    expect(bodyAdmin.body.aims[0].items[0].title).toBe(community.items[0].title);

    // A secretary of another committee may not read this one's phases and items.
    const outsider = await as(economySecretary.token).get(`/api/bodies/${bodyId}/strategy`);
    expect(outsider.body.aims[0]).toMatchObject({ committees: [{ id: health.committeeId }], phases: [], items: [] });
    expect((await as(admin).get(`/api/bodies/${UNKNOWN_ID}/strategy`)).status).toBe(404);
  });
});
