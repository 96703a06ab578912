import { ADMIN, expectRefused, startTestApp, type TestApp } from '@app/test-kit';

const HEDENSTED = { name: 'Hedensted Kommune', kind: 'municipality', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31' };
const SOCIAL_AREA = { name: 'Udvalg for omtænkning af socialområdet', kind: 'section-17-4', mandateStart: '2024-01-01', mandateEnd: '2025-12-31' };
const UNKNOWN_ID = '3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50';
const PASSWORD = 'Hedensted-udvalg-2024';

describe('committees over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let hedenstedId: string;
  let financeCommitteeId: string;


  const post = async (url: string, body: Record<string, unknown>, headers?: Record<string, string>) => {
    const res = await t.request('POST', url, { token: admin, body, headers });
    expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.anything() });
    return res.body;
  };
  const person = (name: string, email: string, extra: Record<string, unknown> = {}) => post('/api/people', { name, email, ...extra });
  const createCommittee = (body: Record<string, unknown>) => () => t.request('POST', '/api/committees', { token: admin, body });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    hedenstedId = (await post('/api/bodies', HEDENSTED)).id;
    financeCommitteeId = (await post('/api/committees', { bodyId: hedenstedId, name: 'PKØ-udvalget', kind: 'finance', mandateStart: '2022-01-01', mandateEnd: '2025-12-31' })).id;
  });
  afterAll(() => t.close());

  it("sets up Hedensted's § 17, stk. 4 committee for 2024-25 with chair, members, secretary, director and an external participant", async () => {
    const committee = await post('/api/committees', { bodyId: hedenstedId, ...SOCIAL_AREA, reportsToId: financeCommitteeId });
    expect(committee).toEqual({
      id: expect.any(String),
      bodyId: hedenstedId,
      ...SOCIAL_AREA,
      parentId: null,
      reportsToId: financeCommitteeId,
      agendaNoticeWorkingDays: 4,
      materialNoticeWorkingDays: 3,
      minutesSignedBy: 'participants',
      // The council adopts a § 17, stk. 4 committee's kommissorium unless set otherwise.
      commissionNeedsCouncil: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const birgit = await person('Birgit Jakobsen', 'bija@hedensted.dk', { party: 'KD', title: 'Formand' });
    const politicians = await Promise.all(
      ['Social Omsorg', 'Læring', 'Beskæftigelse', 'Fællesskab'].map((standing, i) => person(`Medlem fra ${standing}`, `medlem${i}@hedensted.dk`, { party: ['V', 'A', 'C', 'F'][i] })),
    );
    const director = await person('Direktør for Social Omsorg', 'direktor@hedensted.dk', { roles: ['director'], title: 'Direktør' });
    const secretary = await person('Sanne Sekretær', 'sekretaer@hedensted.dk', { password: PASSWORD });
    const ngo = await person('Frivilligcenter Hedensted', 'kontakt@frivilligcenter.dk');

    const seat = (personId: string, role: string, period: Record<string, string> = {}) => post(`/api/committees/${committee.id}/members`, { personId, role, ...period });
    const chairSeat = await seat(birgit.id, 'chair');
    // The mandate is over (today is after 2025), so a seat given without dates is recorded for the whole mandate.
    expect(chairSeat).toEqual({
      id: expect.any(String),
      committeeId: committee.id,
      person: { id: birgit.id, name: 'Birgit Jakobsen', email: 'bija@hedensted.dk', party: 'KD', title: 'Formand' },
      role: 'chair',
      startDate: '2024-01-01',
      endDate: null,
      createdAt: expect.any(String),
      substitutes: [],
    });
    for (const politician of politicians) await seat(politician.id, 'member');
    await seat(secretary.id, 'secretary');
    await seat(director.id, 'administration');
    // NGOs take part in the partnership phase only (Q2-Q4 2024).
    await seat(ngo.id, 'external', { startDate: '2024-04-01', endDate: '2024-12-31' });

    const members = await t.request('GET', `/api/committees/${committee.id}/members`, { token: await t.login('sekretaer@hedensted.dk', PASSWORD) });
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: { role: string; person: { name: string } }) => `${m.role}: ${m.person.name}`)).toEqual([
      'chair: Birgit Jakobsen',
      'member: Medlem fra Beskæftigelse',
      'member: Medlem fra Fællesskab',
      'member: Medlem fra Læring',
      'member: Medlem fra Social Omsorg',
      'secretary: Sanne Sekretær',
      'administration: Direktør for Social Omsorg',
      'external: Frivilligcenter Hedensted',
    ]);
    const detail = await t.request('GET', `/api/committees/${committee.id}`, { token: admin });
    expect(detail.body).toMatchObject({ ...SOCIAL_AREA, reportsToId: financeCommitteeId, members: [] });
  });

  it('shows a running committee with the members seated today, and working groups under it', async () => {
    const region = await post('/api/bodies', { name: 'Region Midtjylland', kind: 'region', electionTermStart: '2026-01-01', electionTermEnd: '2029-12-31' });
    const equality = await post('/api/committees', {
      bodyId: region.id,
      name: 'Udvalg for lighed i sundhed',
      kind: 'section-17-4',
      mandateStart: '2026-01-01',
      mandateEnd: '2029-12-31',
      agendaNoticeWorkingDays: 5,
    });
    const chair = await person('Formand for Lighed', 'formand@rm.dk', { party: 'A' });
    const former = await person('Tidligere Medlem', 'tidligere@rm.dk');
    await post(`/api/committees/${equality.id}/members`, { personId: chair.id, role: 'chair' });
    await post(`/api/committees/${equality.id}/members`, { personId: former.id, role: 'member', startDate: '2026-01-01', endDate: '2026-03-31' });
    for (const municipality of ['Struer Kommune', 'Norddjurs Kommune']) {
      const group = await post('/api/committees', { bodyId: region.id, name: `Arbejdsgruppe ${municipality}`, kind: 'working-group', parentId: equality.id, mandateStart: '2026-01-01', mandateEnd: '2029-12-31' });
      await post(`/api/committees/${group.id}/members`, { personId: chair.id, role: 'chair' });
    }

    const detail = await t.request('GET', `/api/committees/${equality.id}`, { token: admin });
    expect(detail.body).toMatchObject({ name: 'Udvalg for lighed i sundhed', agendaNoticeWorkingDays: 5, members: [{ role: 'chair', person: { name: 'Formand for Lighed' } }] });
    expect(detail.body.members).toHaveLength(1);
    expect((await t.request('GET', `/api/committees/${equality.id}/members`, { token: admin })).body.items).toHaveLength(2);
    const groups = await t.request('GET', `/api/committees?bodyId=${region.id}&kind=working-group`, { token: admin });
    expect(groups.body.items.map((c: { name: string; parentId: string }) => [c.name, c.parentId])).toEqual([
      ['Arbejdsgruppe Norddjurs Kommune', equality.id],
      ['Arbejdsgruppe Struer Kommune', equality.id],
    ]);
  });

  describe('refuses a committee that breaks a rule, changing nothing', () => {
    it.each([
      ['an unknown bodyId with 404 naming the field', { bodyId: UNKNOWN_ID }, 404, /bodyId names no body/],
      ['an unknown parentId with 404 naming the field', { kind: 'working-group', parentId: UNKNOWN_ID }, 404, /parentId names no committee/],
      ['an unknown reportsToId with 404 naming the field', { reportsToId: UNKNOWN_ID }, 404, /reportsToId names no committee/],
      ['a malformed bodyId with 400', { bodyId: 'hedensted' }, 400, /bodyId must be a UUID/],
      ['a mandate ending before it starts with 400', { mandateEnd: '2023-12-31' }, 400, /mandate ends \(2023-12-31\) before it starts \(2024-01-01\)/],
      ['a § 17, stk. 4 mandate beyond the election term with 400 naming both dates', { mandateEnd: '2026-06-30' }, 400, /2026-06-30.*2025-12-31/],
      ['a § 17, stk. 4 committee without a mandateEnd with 400', { mandateEnd: undefined }, 400, /needs a mandateEnd/],
      ['a working group without a parentId with 400', { kind: 'working-group' }, 400, /working group needs parentId/],
      ['a date that does not exist with 400', { mandateStart: '2024-02-30' }, 400, /mandateStart must be a real date as YYYY-MM-DD/],
      ['more than 30 working days of agenda notice with 400', { agendaNoticeWorkingDays: 31 }, 400, /agendaNoticeWorkingDays must not be greater than 30/],
      ['agenda notice sent as null with 400', { agendaNoticeWorkingDays: null }, 400, /agendaNoticeWorkingDays/],
      ['an unknown kind with 400', { kind: 'subcommittee' }, 400, /kind must be one of the following values/],
      ['an unknown field with 400', { chairId: UNKNOWN_ID }, 400, /property chairId should not exist/],
    ])('%s', async (_, override, status, message) => {
      await expectRefused(t, createCommittee({ bodyId: hedenstedId, ...SOCIAL_AREA, ...override }), status, message);
    });

    it('a reporting line to a committee of another body with 400', async () => {
      const region = await post('/api/bodies', { name: 'Region Nordjylland', kind: 'region' });
      const foreign = await post('/api/committees', { bodyId: region.id, name: 'Regionsrådet', kind: 'council', mandateStart: '2022-01-01' });
      await expectRefused(t, createCommittee({ bodyId: hedenstedId, ...SOCIAL_AREA, reportsToId: foreign.id }), 400, /reportsToId names Regionsrådet, which belongs to another body/);
    });
  });

  describe('PATCH', () => {
    it('changes only the fields sent and keeps the rest', async () => {
      const committee = await post('/api/committees', { bodyId: hedenstedId, ...SOCIAL_AREA, agendaNoticeWorkingDays: 6 });
      const res = await t.request('PATCH', `/api/committees/${committee.id}`, { token: admin, body: { name: '§ 17, stk. 4-udvalget for nytænkning af socialområdet', reportsToId: financeCommitteeId } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: '§ 17, stk. 4-udvalget for nytænkning af socialområdet', reportsToId: financeCommitteeId, agendaNoticeWorkingDays: 6, mandateEnd: '2025-12-31' });
    });

    it('carries open-ended seats along when the mandate moves, and refuses a mandate that would strand a dated seat', async () => {
      const committee = await post('/api/committees', { bodyId: hedenstedId, ...SOCIAL_AREA });
      const chair = await person('Åben Formand', 'aaben@hedensted.dk');
      const dated = await person('Dateret Medlem', 'dateret@hedensted.dk');
      await post(`/api/committees/${committee.id}/members`, { personId: chair.id, role: 'chair' });
      await post(`/api/committees/${committee.id}/members`, { personId: dated.id, role: 'member', startDate: '2024-01-01', endDate: '2025-09-30' });
      const shortened = await t.request('PATCH', `/api/committees/${committee.id}`, { token: admin, body: { mandateEnd: '2025-09-30' } });
      expect(shortened.body.mandateEnd).toBe('2025-09-30');

      const patch = (body: unknown) => () => t.request('PATCH', `/api/committees/${committee.id}`, { token: admin, body });
      await expectRefused(t, patch({ mandateEnd: '2025-06-30' }), 409, /would leave 1 membership\(s\) outside it \(member from 2024-01-01 to 2025-09-30\)/);
      await expectRefused(t, patch({ mandateStart: '2024-02-01' }), 409, /would leave 2 membership\(s\) outside it/);
      await expectRefused(t, patch({ mandateEnd: '2026-03-31' }), 400, /may not outlive the election term/);
      await expectRefused(t, patch({ mandateEnd: null }), 400, /needs a mandateEnd/);
      await expectRefused(t, patch({ mandateStart: '2024-13-01' }), 400, /mandateStart must be a real date/);
      await expectRefused(t, patch({ name: null }), 400, /name/);
      await expectRefused(t, patch({ bodyId: hedenstedId }), 400, /property bodyId should not exist/);
      expect((await t.request('GET', `/api/committees/${committee.id}`, { token: admin })).body).toMatchObject({ mandateStart: '2024-01-01', mandateEnd: '2025-09-30' });
    });

    it('refuses a committee as its own parent, and a parent that would make a loop', async () => {
      const outer = await post('/api/committees', { bodyId: hedenstedId, name: 'Ydre udvalg', kind: 'standing', mandateStart: '2022-01-01' });
      const inner = await post('/api/committees', { bodyId: hedenstedId, name: 'Indre arbejdsgruppe', kind: 'working-group', parentId: outer.id, mandateStart: '2024-01-01' });
      await expectRefused(t, () => t.request('PATCH', `/api/committees/${outer.id}`, { token: admin, body: { parentId: outer.id } }), 400, /parentId may not name the committee itself/);
      await expectRefused(t, () => t.request('PATCH', `/api/committees/${outer.id}`, { token: admin, body: { parentId: inner.id } }), 400, /leads back to this committee/);
      await expectRefused(t, () => t.request('PATCH', `/api/committees/${inner.id}`, { token: admin, body: { parentId: null } }), 400, /working group needs parentId/);
    });

    it('answers 404 for an unknown committee', async () => {
      await expectRefused(t, () => t.request('PATCH', `/api/committees/${UNKNOWN_ID}`, { token: admin, body: { name: 'X' } }), 404, /No committee with id/);
      await expectRefused(t, () => t.request('GET', `/api/committees/${UNKNOWN_ID}`, { token: admin }), 404, /No committee with id/);
    });
  });

  it('lets anyone logged in read committees, only an administrator create or change them, and nobody without a token', async () => {
    await person('Menig Medlem', 'menig@hedensted.dk', { password: PASSWORD });
    const plain = await t.login('menig@hedensted.dk', PASSWORD);
    expect((await t.request('GET', `/api/committees?bodyId=${hedenstedId}`, { token: plain })).status).toBe(200);
    expect((await t.request('GET', `/api/committees/${financeCommitteeId}`, { token: plain })).status).toBe(200);
    await expectRefused(t, () => t.request('POST', '/api/committees', { token: plain, body: { bodyId: hedenstedId, ...SOCIAL_AREA } }), 403, /administrator/);
    await expectRefused(t, () => t.request('PATCH', `/api/committees/${financeCommitteeId}`, { token: plain, body: { name: 'X' } }), 403, /administrator/);
    await expectRefused(t, () => t.request('GET', '/api/committees'), 401, /Log in/);
  });

  it("keeps the committee's writes in its audit trail with actor and request id, and refused requests as request.refused", async () => {
    const committee = await post('/api/committees', { bodyId: hedenstedId, ...SOCIAL_AREA, name: 'Revideret udvalg' }, { 'x-request-id': 'audit-create' });
    await t.request('PATCH', `/api/committees/${committee.id}`, { token: admin, body: { agendaNoticeWorkingDays: 3 }, headers: { 'x-request-id': 'audit-patch' } });
    const member = await person('Revideret Medlem', 'revision@hedensted.dk', { password: PASSWORD });
    const seat = await post(`/api/committees/${committee.id}/members`, { personId: member.id, role: 'member' }, { 'x-request-id': 'audit-seat' });
    await t.request('DELETE', `/api/committees/${committee.id}/members/${seat.id}`, { token: admin, headers: { 'x-request-id': 'audit-unseat' } });
    const memberToken = await t.login('revision@hedensted.dk', PASSWORD);
    await t.request('PATCH', `/api/committees/${committee.id}`, { token: memberToken, body: { name: 'Kapret' }, headers: { 'x-request-id': 'audit-refused' } });

    const trail = await t.request('GET', `/api/audit?entityType=committee&entityId=${committee.id}`, { token: admin });
    expect(trail.body.items.map((e: { action: string; clientRequestId: string; actorEmail: string }) => [e.action, e.clientRequestId, e.actorEmail])).toEqual([
      ['membership.deleted', 'audit-unseat', ADMIN.email],
      ['membership.created', 'audit-seat', ADMIN.email],
      ['committee.updated', 'audit-patch', ADMIN.email],
      ['committee.created', 'audit-create', ADMIN.email],
    ]);
    expect(trail.body.items[0].details).toMatchObject({ membershipId: seat.id, personId: member.id, role: 'member' });
    const refused = await t.request('GET', '/api/audit?action=request.refused', { token: admin });
    expect(refused.body.items).toContainEqual(
      expect.objectContaining({ clientRequestId: 'audit-refused', actorEmail: 'revision@hedensted.dk', statusCode: 403, method: 'PATCH', path: `/api/committees/${committee.id}` }),
    );
  });
});
