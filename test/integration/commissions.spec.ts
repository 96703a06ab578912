import { type Fixtures, startTestApp, tableCounts, type LoggedIn, type TestApp } from '@app/test-kit';

const draft = {
  title: 'Kommissorium for § 17, stk. 4-udvalget for nytænkning af socialområdet',
  purpose: 'Udvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.',
  themes: ['Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet', 'Et sammenhængende socialområde'],
  composition: 'Formand Birgit Jakobsen (KD) og ét medlem fra hvert af de fire stående udvalg',
  approvalDeadline: '2024-03-15',
};

describe('the kommissorium workflow over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let bodyId: string;
  let secretary: LoggedIn;
  let member: LoggedIn;
  let chair: LoggedIn;
  let director: LoggedIn;
  let otherSecretary: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    // One-step approval, as before the council's adoption (commission-adoption.spec.ts covers the council's part).
    const committee = await fixtures.committee({ commissionNeedsCouncil: false });
    committeeId = committee.id;
    bodyId = committee.bodyId;
    secretary = await fixtures.member(committeeId, 'secretary');
    member = await fixtures.member(committeeId, 'member');
    chair = await fixtures.member(committeeId, 'chair');
    director = await fixtures.person({ roles: ['director'], bodyIds: [committee.bodyId], login: true });
    const other = await fixtures.committee({ bodyId: committee.bodyId, name: 'Social Omsorg', kind: 'standing' });
    otherSecretary = await fixtures.member(other.id, 'secretary');
  });
  afterAll(() => t.close());

  const fire = (id: string, token: string, event: string, comment?: string) =>
    t.request('POST', `/api/commissions/${id}/transitions`, { token, body: comment === undefined ? { event } : { event, comment } });

  async function submittedCommission(): Promise<string> {
    const committee = await fixtures.committee({ bodyId, name: `Udvalg ${Math.random()}`, commissionNeedsCouncil: false });
    await fixtures.seat(committee.id, secretary.id, 'secretary');
    const created = await t.request('POST', `/api/committees/${committee.id}/commissions`, { token: secretary.token, body: draft });
    expect(created.status).toBe(201);
    expect((await fire(created.body.id, secretary.token, 'submit')).status).toBe(200);
    return created.body.id;
  }

  it('runs draft -> submitted -> returned -> submitted -> approved, keeping who did what', async () => {
    const created = await t.request('POST', `/api/committees/${committeeId}/commissions`, { token: secretary.token, body: draft });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', version: 1, inForce: false, themes: draft.themes, approvalDeadline: '2024-03-15' });
    const id = created.body.id;

    expect((await t.request('GET', `/api/commissions/${id}/transitions`, { token: secretary.token })).body.map((e: { event: string }) => e.event)).toEqual(['submit']);
    expect((await t.request('GET', `/api/commissions/${id}/transitions`, { token: member.token })).body).toEqual([]);

    const submitted = await fire(id, secretary.token, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    expect(submitted.body.awaitingApproval).toMatchObject({ by: 'director', deadline: '2024-03-15' });

    expect((await t.request('PATCH', `/api/commissions/${id}`, { token: secretary.token, body: { purpose: 'changed' } })).status).toBe(409);
    const noComment = await fire(id, director.token, 'return');
    expect(noComment.status).toBe(400);
    expect(noComment.body.code).toBe('comment_required');

    const returned = await fire(id, director.token, 'return', 'Afsnittet om økonomi mangler');
    expect(returned.body).toMatchObject({ state: 'draft', returned: { by: director.id, comment: 'Afsnittet om økonomi mangler' } });

    const edited = await t.request('PATCH', `/api/commissions/${id}`, { token: secretary.token, body: { deliverables: 'Anbefalinger til byrådet', rowVersion: returned.body.rowVersion } });
    expect(edited.status).toBe(200);
    expect(edited.body.deliverables).toBe('Anbefalinger til byrådet');
    const stale = await t.request('PATCH', `/api/commissions/${id}`, { token: secretary.token, body: { deliverables: 'x', rowVersion: returned.body.rowVersion } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_row_version');

    await fire(id, secretary.token, 'submit');
    const approved = await fire(id, director.token, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', inForce: true, submitted: { by: secretary.id }, approved: { by: director.id } });

    const history = await t.request('GET', `/api/commissions/${id}/history`, { token: member.token });
    expect(history.body.map((h: { event: string; fromState: string; toState: string }) => `${h.event}:${h.fromState}>${h.toState}`)).toEqual([
      'submit:draft>submitted',
      'return:submitted>draft',
      'submit:draft>submitted',
      'approve:submitted>approved',
    ]);
    expect(history.body[1]).toMatchObject({ actorId: director.id, comment: 'Afsnittet om økonomi mangler' });
  });

  it('refuses approve to a member, a chair and a secretary (403), lets a director approve once, then answers 409', async () => {
    const id = await submittedCommission();
    for (const who of [member, chair, secretary]) {
      const refused = await fire(id, who.token, 'approve');
      expect(refused.status).toBe(403);
    }
    expect((await fire(id, director.token, 'approve')).status).toBe(200);
    const again = await fire(id, director.token, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('illegal_transition');
  });

  it('refuses approval (409 commission_approver_submitted) to a director who submitted the version as its secretary; another director approves', async () => {
    const committee = await fixtures.committee({ bodyId, name: `Udvalg ${Math.random()}`, commissionNeedsCouncil: false });
    const both = await fixtures.person({ roles: ['director'], bodyIds: [committee.bodyId], login: true });
    await fixtures.seat(committee.id, both.id, 'secretary');
    const created = await t.request('POST', `/api/committees/${committee.id}/commissions`, { token: both.token, body: draft });
    expect((await fire(created.body.id, both.token, 'submit')).status).toBe(200);
    const available = await t.request('GET', `/api/commissions/${created.body.id}/transitions`, { token: both.token });
    expect(available.body.map((e: { event: string }) => e.event)).toEqual(['return']);
    const before = await tableCounts(t.dataSource);
    const refused = await fire(created.body.id, both.token, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('commission_approver_submitted');
    expect(refused.body.message).toMatch(/submitted this version/);
    expect(await tableCounts(t.dataSource)).toEqual(before);
    expect((await fire(created.body.id, director.token, 'approve')).status).toBe(200);
  });

  it('gives exactly one success and one history row to 50 concurrent approvals', async () => {
    const id = await submittedCommission();
    const responses = await Promise.all(Array.from({ length: 50 }, () => fire(id, director.token, 'approve')));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM workflow_transition WHERE record_id = $1 AND event = 'approve'`, [id]);
    expect(rows[0].n).toBe(1);
    const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'commission.approve'`, [id]);
    expect(audit[0].n).toBe(1);
  });

  it('amends an approved version into a new draft while the approved one stays in force, superseding it on approval', async () => {
    const v1 = await submittedCommission();
    await fire(v1, director.token, 'approve');
    const amended = await fire(v1, secretary.token, 'amend');
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ state: 'approved', inForce: true });
    const v2 = amended.body.amendmentId;
    expect(v2).toBeTruthy();
    expect((await fire(v1, secretary.token, 'amend')).status).toBe(409);

    const second = await t.request('GET', `/api/commissions/${v2}`, { token: secretary.token });
    expect(second.body).toMatchObject({ version: 2, state: 'draft', previousVersionId: v1, title: draft.title });
    await t.request('PATCH', `/api/commissions/${v2}`, { token: secretary.token, body: { themes: ['Implementering af lovgivning og reformer i en Hedensted-kontekst'] } });
    await fire(v2, secretary.token, 'submit');
    expect((await t.request('GET', `/api/commissions/${v1}`, { token: secretary.token })).body.state).toBe('approved');
    await fire(v2, director.token, 'approve');

    const versions = await t.request('GET', `/api/committees/${second.body.committeeId}/commissions`, { token: director.token });
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number; state: string; inForce: boolean }) => [v.version, v.state, v.inForce])).toEqual([
      [2, 'approved', true],
      [1, 'superseded', false],
    ]);
    expect(versions.body.items[1].themes).toEqual(draft.themes);
    const trail = await t.request('GET', `/api/commissions/${v1}/history`, { token: secretary.token });
    expect(trail.body.at(-1)).toMatchObject({ event: 'supersede', actorId: null, comment: 'Version 2 was approved' });
  });

  it('lets only the committee’s secretary draft, and refuses a second line of versions', async () => {
    const counts = await tableCounts(t.dataSource);
    expect((await t.request('POST', `/api/committees/${committeeId}/commissions`, { token: member.token, body: draft })).status).toBe(403);
    expect((await t.request('POST', `/api/committees/${committeeId}/commissions`, { token: otherSecretary.token, body: draft })).status).toBe(403);
    expect((await t.request('POST', `/api/committees/${committeeId}/commissions`, { token: director.token, body: draft })).status).toBe(403);
    expect((await t.request('POST', `/api/committees/${committeeId}/commissions`, { body: draft })).status).toBe(401);
    const second = await t.request('POST', `/api/committees/${committeeId}/commissions`, { token: secretary.token, body: draft });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('commission_exists');
    expect(await tableCounts(t.dataSource)).toEqual(counts);
  });

  it('rejects bad input with 400 naming the problem and changes nothing', async () => {
    const counts = await tableCounts(t.dataSource);
    const url = `/api/committees/${committeeId}/commissions`;
    const cases: [unknown, RegExp][] = [
      [{ ...draft, title: '' }, /title/],
      [{ ...draft, purpose: 42 }, /purpose/],
      [{ ...draft, themes: 'one' }, /themes/],
      [{ ...draft, approvalDeadline: '2024-02-30' }, /approvalDeadline/],
      [{ ...draft, state: 'approved' }, /state/],
    ];
    for (const [body, message] of cases) {
      const res = await t.request('POST', url, { token: secretary.token, body });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    expect((await t.request('POST', '/api/committees/not-a-uuid/commissions', { token: secretary.token, body: draft })).status).toBe(400);
    expect((await t.request('GET', '/api/commissions/7b0c1a52-4f1e-4a8e-9d0e-5d1a2b3c4d5e', { token: secretary.token })).status).toBe(404);
    const unknownEvent = await t.request('POST', `/api/commissions/7b0c1a52-4f1e-4a8e-9d0e-5d1a2b3c4d5e/transitions`, { token: director.token, body: { event: 'approve' } });
    expect(unknownEvent.status).toBe(404);
    expect(await tableCounts(t.dataSource)).toEqual(counts);
  });

  it('lets a director read any kommissorium and refuses outsiders', async () => {
    const list = await t.request('GET', `/api/committees/${committeeId}/commissions`, { token: director.token });
    expect(list.status).toBe(200);
    expect((await t.request('GET', `/api/committees/${committeeId}/commissions`, { token: otherSecretary.token })).status).toBe(403);
  });

  it('serves the workflow tables with Mermaid diagrams', async () => {
    const all = await t.request('GET', '/api/workflows', { token: member.token });
    expect(all.body.map((w: { name: string }) => w.name)).toEqual(expect.arrayContaining(['commission', 'phase']));
    const one = await t.request('GET', '/api/workflows/commission', { token: member.token });
    expect(one.body.mermaid).toContain('stateDiagram-v2');
    expect(one.body.mermaid).toContain('submitted --> approved: approve when the director decides (director)');
    expect(one.body.mermaid).toContain('submitted --> awaiting_council: approve when the council adopts it (director)');
    expect(one.body.events.filter((e: { event: string }) => e.event === 'approve').map((e: { conditions: string[] }) => e.conditions[0])).toEqual(['when the director decides', 'when the council adopts it']);
    expect(one.body.events.find((e: { event: string }) => e.event === 'return')).toMatchObject({ roles: ['director'], requiresComment: true });
    expect((await t.request('GET', '/api/workflows/nothing', { token: member.token })).status).toBe(404);
  });
});
