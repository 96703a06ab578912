import { type Fixtures, startTestApp, tableCounts, type LoggedIn, type TestApp, type ApiResponse } from '@app/test-kit';

interface Participant {
  person: { id: string; name: string };
  source: 'committee' | 'invited';
  roles: string[];
  note: string | null;
}

describe('phase participants over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let bodyId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let leftEarly: LoggedIn;
  let joinedLate: LoggedIn;
  let ngo: LoggedIn;
  let otherSecretary: LoggedIn;
  let constitutionId: string;
  let partnershipsId: string;

  const participants = (phaseId: string, token: string) => t.request<Participant[]>('GET', `/api/phases/${phaseId}/participants`, { token });
  const invite = (phaseId: string, token: string, body: object) => t.request('POST', `/api/phases/${phaseId}/participants`, { token, body });
  const withdraw = (phaseId: string, personId: string, token: string) => t.request('DELETE', `/api/phases/${phaseId}/participants/${personId}`, { token });
  const summary = (list: Participant[]) => list.map((p) => ({ id: p.person.id, source: p.source, roles: p.roles, note: p.note }));

  async function expectRefusedUnchanged(request: () => Promise<ApiResponse>, status: number, code?: string): Promise<void> {
    const before = await tableCounts(t.dataSource);
    const response = await request();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code: code ?? response.body.code });
    expect(await tableCounts(t.dataSource)).toEqual(before);
  }

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    const committee = await fixtures.committee();
    bodyId = committee.bodyId;
    secretary = await fixtures.member(committee.id, 'secretary', { name: 'Sekretær Hedensted' });
    chair = await fixtures.member(committee.id, 'chair', { name: 'Birgit Jakobsen', party: 'KD' });
    leftEarly = await fixtures.person({ name: 'Anders Andersen', login: true });
    await fixtures.seat(committee.id, leftEarly.id, 'member', { endDate: '2024-03-31' });
    joinedLate = await fixtures.person({ name: 'Bente Bentsen', login: true });
    await fixtures.seat(committee.id, joinedLate.id, 'member', { startDate: '2025-01-01' });
    ngo = await fixtures.person({ name: 'Lokalrådenes repræsentant', login: true });
    const other = await fixtures.committee({ bodyId: committee.bodyId, name: 'Social Omsorg', kind: 'standing' });
    otherSecretary = await fixtures.member(other.id, 'secretary');
    const plan = async (title: string, fromQuarter: string, toQuarter: string) => {
      const response = await t.request('POST', `/api/committees/${committee.id}/phases`, { token: secretary.token, body: { title, fromQuarter, toQuarter } });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    constitutionId = await plan('Konstituering af udvalget og udarbejdelse af kommissorium', '2024-Q1', '2024-Q1');
    partnershipsId = await plan('Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet', '2024-Q2', '2024-Q4');
  });
  afterAll(() => t.close());

  it('invites a person to one phase only and lists them after the members seated during that phase', async () => {
    const invited = await invite(partnershipsId, secretary.token, { personId: ngo.id, note: 'Repræsentant for lokalrådene' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ person: { id: ngo.id, name: 'Lokalrådenes repræsentant' }, source: 'invited', roles: [], note: 'Repræsentant for lokalrådene' });

    const partnerships = await participants(partnershipsId, chair.token);
    expect(partnerships.status).toBe(200);
    expect(summary(partnerships.body)).toEqual([
      { id: chair.id, source: 'committee', roles: ['chair'], note: null },
      { id: secretary.id, source: 'committee', roles: ['secretary'], note: null },
      { id: ngo.id, source: 'invited', roles: [], note: 'Repræsentant for lokalrådene' },
    ]);
    const constitution = await participants(constitutionId, secretary.token);
    expect(summary(constitution.body)).toEqual([
      { id: chair.id, source: 'committee', roles: ['chair'], note: null },
      { id: leftEarly.id, source: 'committee', roles: ['member'], note: null },
      { id: secretary.id, source: 'committee', roles: ['secretary'], note: null },
    ]);
  });

  it('refuses inviting a member, inviting twice, and inviting nobody, changing nothing', async () => {
    await expectRefusedUnchanged(() => invite(partnershipsId, secretary.token, { personId: chair.id }), 409, 'participant_is_member');
    await expectRefusedUnchanged(() => invite(partnershipsId, secretary.token, { personId: ngo.id }), 409, 'participant_already_invited');
    await expectRefusedUnchanged(() => invite(partnershipsId, secretary.token, { personId: '9b2f3c1e-0000-4000-8000-000000000000' }), 404, 'person_not_found');
    await expectRefusedUnchanged(() => invite(partnershipsId, secretary.token, { personId: 'nobody' }), 400, 'validation_failed');
    // A member whose seat ended before the phase is an ordinary guest of it.
    const guest = await invite(partnershipsId, secretary.token, { personId: leftEarly.id });
    expect(guest.body).toMatchObject({ source: 'invited', note: null });
  });

  it('lets only the secretary or an admin invite and withdraw; members, directors and admins read', async () => {
    const director = await fixtures.person({ roles: ['director'], bodyIds: [bodyId], login: true });
    for (const token of [chair.token, director.token, otherSecretary.token]) {
      await expectRefusedUnchanged(() => invite(partnershipsId, token, { personId: joinedLate.id }), 403);
      await expectRefusedUnchanged(() => withdraw(partnershipsId, ngo.id, token), 403);
    }
    expect((await participants(partnershipsId, director.token)).status).toBe(200);
    expect((await participants(partnershipsId, await t.adminToken())).status).toBe(200);
    await expectRefusedUnchanged(() => participants(partnershipsId, otherSecretary.token), 403);
    await expectRefusedUnchanged(() => participants(partnershipsId, ''), 401);
  });

  it('withdraws an invitation, but not a member’s part in the phase', async () => {
    await expectRefusedUnchanged(() => withdraw(partnershipsId, chair.id, secretary.token), 409, 'participant_is_member');
    await expectRefusedUnchanged(() => withdraw(partnershipsId, joinedLate.id, secretary.token), 404, 'participant_not_found');
    const withdrawn = await withdraw(partnershipsId, ngo.id, secretary.token);
    expect(withdrawn.status).toBe(204);
    expect((await participants(partnershipsId, secretary.token)).body.map((p) => p.person.id)).not.toContain(ngo.id);
  });

  it('keeps the participants of a cancelled phase as they were', async () => {
    expect((await t.request('POST', `/api/phases/${constitutionId}/transitions`, { token: secretary.token, body: { event: 'cancel' } })).status).toBe(200);
    await expectRefusedUnchanged(() => invite(constitutionId, secretary.token, { personId: ngo.id }), 409, 'phase_closed');
    await expectRefusedUnchanged(() => withdraw(constitutionId, ngo.id, secretary.token), 409, 'phase_closed');
  });
});
