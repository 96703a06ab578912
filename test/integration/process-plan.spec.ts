import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type Fixtures, startTestApp, tableCounts, type LoggedIn, type TestApp, type ApiResponse } from '@app/test-kit';

/** The seeds' process plan of Hedensted's § 17, stk. 4 committee for rethinking the social area (seed 002). */
const SEED_PHASES = [
  { title: 'Konstituering af udvalget og udarbejdelse af kommissorium', fromQuarter: '2024-Q1', toQuarter: '2024-Q1', startDate: '2024-01-01', endDate: '2024-03-31' },
  {
    title: 'Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet',
    theme: 'Forpligtende fællesskaber',
    description: "NGO'er, lokalråd og andre relevante aktører inviteres ind i arbejdet.",
    fromQuarter: '2024-Q2',
    toQuarter: '2024-Q4',
    startDate: '2024-04-01',
    endDate: '2024-12-31',
  },
  { title: 'Et sammenhængende socialområde', fromQuarter: '2025-Q1', toQuarter: '2025-Q2', startDate: '2025-01-01', endDate: '2025-06-30' },
  { title: 'Implementering af lovgivning og reformer i en Hedensted-kontekst', fromQuarter: '2025-Q3', toQuarter: '2025-Q3', startDate: '2025-07-01', endDate: '2025-09-30' },
  { title: 'Afrapportering, konsolidering og forankring', fromQuarter: '2025-Q4', toQuarter: '2025-Q4', startDate: '2025-10-01', endDate: '2025-12-31' },
];
/** What a client sends for each: the dates are the server's to compute. */
const SEED_REQUESTS = SEED_PHASES.map(({ startDate: _startDate, endDate: _endDate, ...request }) => request);
const [CONSTITUTION, PARTNERSHIPS, SOCIAL_AREA, LEGISLATION, REPORTING] = SEED_PHASES.map((p) => p.title);

describe('the process plan over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: string;
  let committeeId: string;
  let secretary: LoggedIn;
  let member: LoggedIn;
  let director: LoggedIn;
  let otherSecretary: LoggedIn;
  /** Phase ids by title, of the seeds' committee. */
  const phaseIds = new Map<string, string>();

  const createPhase = (committee: string, token: string, body: object) => t.request('POST', `/api/committees/${committee}/phases`, { token, body });
  const fire = (id: string, token: string, event: string, comment?: string) =>
    t.request('POST', `/api/phases/${id}/transitions`, { token, body: comment === undefined ? { event } : { event, comment } });
  const phaseOf = (title: string) => phaseIds.get(title)!;

  /** Asserts the refusal and that it left every table as it was. */
  async function expectRefusedUnchanged(request: () => Promise<ApiResponse>, status: number, message?: RegExp | string): Promise<ApiResponse> {
    const before = await tableCounts(t.dataSource);
    const response = await request();
    expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { statusCode: status } });
    if (message) expect(response.body.message).toMatch(message);
    expect(await tableCounts(t.dataSource)).toEqual(before);
    return response;
  }

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  describe('the seeds’ committee, set up over HTTP', () => {
    beforeAll(async () => {
      const body = await t.request('POST', '/api/bodies', {
        token: admin,
        body: { name: 'Hedensted Kommune', kind: 'municipality', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31' },
      });
      expect(body.status).toBe(201);
      const committee = await t.request('POST', '/api/committees', {
        token: admin,
        body: { bodyId: body.body.id, name: '§ 17, stk. 4-udvalget for nytænkning af socialområdet', kind: 'section-17-4', mandateStart: '2024-01-01', mandateEnd: '2025-12-31' },
      });
      expect(committee.status).toBe(201);
      committeeId = committee.body.id;
      const seat = async (name: string, role: string, roles: string[] = [], bodyIds: string[] = []) => {
        const email = `${name.toLowerCase().replace(/\W+/g, '.')}@hedensted.dk`;
        const person = await t.request('POST', '/api/people', { token: admin, body: { name, email, roles, bodyIds, password: 'procesplan-2024' } });
        expect(person.status).toBe(201);
        if (role) expect((await t.request('POST', `/api/committees/${committeeId}/members`, { token: admin, body: { personId: person.body.id, role } })).status).toBe(201);
        return { id: person.body.id as string, name, email, token: await t.login(email, 'procesplan-2024') };
      };
      secretary = await seat('Udvalgssekretær Hedensted', 'secretary');
      member = await seat('Birgit Jakobsen', 'chair');
      director = await seat('Ann Hermansen', '', ['director'], [body.body.id]);
      const other = await fixtures.committee({ name: 'Social Omsorg', kind: 'standing', bodyId: body.body.id });
      otherSecretary = await fixtures.member(other.id, 'secretary');
    });

    it('lays out the five phases on quarters with their computed dates, each planned', async () => {
      for (const { startDate, endDate, ...phase } of SEED_PHASES) {
        const created = await createPhase(committeeId, secretary.token, phase);
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          committeeId,
          title: phase.title,
          theme: phase.theme ?? null,
          description: phase.description ?? null,
          fromQuarter: phase.fromQuarter,
          toQuarter: phase.toQuarter,
          startDate,
          endDate,
          state: 'planned',
          rowVersion: 1,
        });
        phaseIds.set(phase.title, created.body.id);
      }
      const plan = await t.request('GET', `/api/committees/${committeeId}/phases`, { token: member.token });
      expect(plan.status).toBe(200);
      expect(plan.body.items.map((p: { title: string }) => p.title)).toEqual(SEED_PHASES.map((p) => p.title));
      const one = await t.request('GET', `/api/phases/${phaseOf(PARTNERSHIPS)}`, { token: director.token });
      expect(one.body).toMatchObject({ title: PARTNERSHIPS, theme: 'Forpligtende fællesskaber', startDate: '2024-04-01', endDate: '2024-12-31' });
    });

    it('refuses an overlapping phase with 409 naming the phase it overlaps, and changes nothing', async () => {
      const response = await expectRefusedUnchanged(
        () => createPhase(committeeId, secretary.token, { title: 'Ekstra fase', fromQuarter: '2024-Q4', toQuarter: '2025-Q1' }),
        409,
        `"${PARTNERSHIPS}"`,
      );
      expect(response.body).toMatchObject({ code: 'phase_overlaps', details: { phaseId: phaseOf(PARTNERSHIPS) } });
      await expectRefusedUnchanged(
        () => t.request('PATCH', `/api/phases/${phaseOf(LEGISLATION)}`, { token: secretary.token, body: { toQuarter: '2025-Q4' } }),
        409,
        `"${REPORTING}"`,
      );
    });

    it('refuses a phase outside the mandate with the reason, and changes nothing', async () => {
      const response = await expectRefusedUnchanged(
        () => createPhase(committeeId, secretary.token, { title: 'Opfølgning', fromQuarter: '2026-Q1', toQuarter: '2026-Q1' }),
        400,
        /must lie within .*mandate \(2024-01-01 to 2025-12-31\)/,
      );
      expect(response.body.code).toBe('phase_outside_mandate');
      await expectRefusedUnchanged(() => createPhase(committeeId, secretary.token, { title: 'Forarbejde', fromQuarter: '2023-Q4', toQuarter: '2023-Q4' }), 400, /mandate/);
    });

    it.each([
      { case: 'a quarter out of range', body: { title: 'Fase', fromQuarter: '2024-Q5', toQuarter: '2024-Q4' }, field: /fromQuarter must be a calendar quarter/ },
      { case: 'a quarter in words', body: { title: 'Fase', fromQuarter: '2024-Q1', toQuarter: 'Q2 2024' }, field: /toQuarter must be a calendar quarter/ },
      { case: 'a missing quarter', body: { title: 'Fase', fromQuarter: '2024-Q1' }, field: /toQuarter/ },
      { case: 'a blank title', body: { title: '  ', fromQuarter: '2024-Q1', toQuarter: '2024-Q1' }, field: /title/ },
      { case: 'quarters in reverse', body: { title: 'Fase', fromQuarter: '2025-Q2', toQuarter: '2025-Q1' }, field: /toQuarter 2025-Q1 is before fromQuarter 2025-Q2/ },
      { case: 'an unknown field', body: { title: 'Fase', fromQuarter: '2024-Q1', toQuarter: '2024-Q1', state: 'active' }, field: /state/ },
    ])('answers $case with 400 naming the field', async ({ body, field }) => {
      await expectRefusedUnchanged(() => createPhase(committeeId, secretary.token, body), 400, field);
    });

    it('re-plans a planned phase, checking rowVersion', async () => {
      const id = phaseOf(LEGISLATION);
      const patched = await t.request('PATCH', `/api/phases/${id}`, { token: secretary.token, body: { description: 'Lovgivning og reformer set i en Hedensted-kontekst', rowVersion: 1 } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ title: LEGISLATION, description: 'Lovgivning og reformer set i en Hedensted-kontekst', rowVersion: 2, startDate: '2025-07-01' });
      await expectRefusedUnchanged(() => t.request('PATCH', `/api/phases/${id}`, { token: secretary.token, body: { theme: 'x', rowVersion: 1 } }), 409, /rowVersion 2/);
      await expectRefusedUnchanged(() => t.request('PATCH', `/api/phases/${id}`, { token: secretary.token, body: { title: null } }), 400, /title/);
      await expectRefusedUnchanged(() => t.request('PATCH', `/api/phases/${id}`, { token: secretary.token, body: {} }), 400, /at least one field/);
    });

    it('runs start, complete and cancel with history rows, refusing what comes too early', async () => {
      const constitution = phaseOf(CONSTITUTION);
      expect((await t.request('GET', `/api/phases/${constitution}/transitions`, { token: secretary.token })).body.map((e: { event: string }) => e.event)).toEqual(['start', 'cancel']);

      const completeTooEarly = await expectRefusedUnchanged(() => fire(constitution, secretary.token, 'complete'), 409, /Cannot complete a fase that is planned; complete applies when it is active/);
      expect(completeTooEarly.body.code).toBe('illegal_transition');

      const started = await fire(constitution, secretary.token, 'start', 'Udvalget er udpeget');
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ id: constitution, state: 'active', rowVersion: 2 });
      expect((await t.request('GET', `/api/phases/${constitution}/transitions`, { token: secretary.token })).body.map((e: { event: string }) => e.event)).toEqual(['complete', 'cancel']);

      const secondActive = await expectRefusedUnchanged(() => fire(phaseOf(PARTNERSHIPS), secretary.token, 'start'), 409, `Phase "${CONSTITUTION}" is active`);
      expect(secondActive.body.code).toBe('transition_guard_failed');
      expect((await t.request('GET', `/api/phases/${phaseOf(PARTNERSHIPS)}/transitions`, { token: secretary.token })).body.map((e: { event: string }) => e.event)).toEqual(['cancel']);

      const completed = await fire(constitution, admin, 'complete');
      expect(completed.body).toMatchObject({ state: 'completed', rowVersion: 3 });
      expect((await fire(phaseOf(PARTNERSHIPS), secretary.token, 'start')).body.state).toBe('active');

      const cancelled = await fire(phaseOf(REPORTING), secretary.token, 'cancel', 'Afrapporteringen indgår i den foregående fase');
      expect(cancelled.body.state).toBe('cancelled');

      const history = await t.request('GET', `/api/phases/${constitution}/history`, { token: member.token });
      expect(history.status).toBe(200);
      expect(history.body).toMatchObject([
        { event: 'start', fromState: 'planned', toState: 'active', actorId: secretary.id, comment: 'Udvalget er udpeget' },
        { event: 'complete', fromState: 'active', toState: 'completed' },
      ]);
      expect((await t.request('GET', `/api/phases/${phaseOf(REPORTING)}/history`, { token: secretary.token })).body).toMatchObject([
        { event: 'cancel', fromState: 'planned', toState: 'cancelled', comment: 'Afrapporteringen indgår i den foregående fase' },
      ]);
      expect((await t.request('GET', `/api/phases/${constitution}/transitions`, { token: secretary.token })).body).toEqual([]);
    });

    it('re-plans an active phase but no longer a completed or cancelled one; a cancelled phase frees its quarters', async () => {
      const extended = await t.request('PATCH', `/api/phases/${phaseOf(PARTNERSHIPS)}`, { token: secretary.token, body: { toQuarter: '2024-Q4', theme: null } });
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({ state: 'active', theme: null });
      await expectRefusedUnchanged(() => t.request('PATCH', `/api/phases/${phaseOf(CONSTITUTION)}`, { token: secretary.token, body: { title: 'Ny titel' } }), 409, /Cannot re-plan a completed phase/);
      await expectRefusedUnchanged(() => t.request('PATCH', `/api/phases/${phaseOf(REPORTING)}`, { token: secretary.token, body: { title: 'Ny titel' } }), 409, /Cannot re-plan a cancelled phase/);
      const replacement = await createPhase(committeeId, secretary.token, { title: 'Afrapportering og forankring', fromQuarter: '2025-Q4', toQuarter: '2025-Q4' });
      expect(replacement.status).toBe(201);
    });

    it('lets members, directors and admins read and only the secretary or an admin write', async () => {
      const id = phaseOf(SOCIAL_AREA);
      for (const token of [member.token, director.token, admin, secretary.token]) {
        expect((await t.request('GET', `/api/phases/${id}`, { token })).status).toBe(200);
        expect((await t.request('GET', `/api/committees/${committeeId}/phases`, { token })).status).toBe(200);
      }
      expect((await t.request('GET', `/api/phases/${id}/transitions`, { token: member.token })).body).toEqual([]);
      const newPhase = { title: 'Ekstra', fromQuarter: '2025-Q3', toQuarter: '2025-Q3' };
      for (const token of [member.token, director.token, otherSecretary.token]) {
        await expectRefusedUnchanged(() => createPhase(committeeId, token, newPhase), 403);
        await expectRefusedUnchanged(() => t.request('PATCH', `/api/phases/${id}`, { token, body: { title: 'Ændret' } }), 403);
        await expectRefusedUnchanged(() => fire(id, token, 'cancel'), 403);
      }
      const memberFires = await expectRefusedUnchanged(() => fire(id, member.token, 'cancel'), 403, /Only secretary may cancel/);
      expect(memberFires.body.code).toBe('role_may_not_fire_event');
      for (const url of [`/api/phases/${id}`, `/api/committees/${committeeId}/phases`, `/api/phases/${id}/history`, `/api/phases/${id}/transitions`, `/api/committees/${committeeId}/process-plan.svg`]) {
        await expectRefusedUnchanged(() => t.request('GET', url, { token: otherSecretary.token }), 403);
        await expectRefusedUnchanged(() => t.request('GET', url), 401, /Log in/);
      }
      await expectRefusedUnchanged(() => createPhase(committeeId, '', newPhase), 401);
      await expectRefusedUnchanged(() => fire(id, '', 'start'), 401);
    });

    it('answers 404 for an unknown id and 400 for one that is not a UUID', async () => {
      await expectRefusedUnchanged(() => t.request('GET', '/api/phases/9b2f3c1e-0000-4000-8000-000000000000', { token: admin }), 404);
      await expectRefusedUnchanged(() => createPhase('9b2f3c1e-0000-4000-8000-000000000000', admin, { title: 'Fase', fromQuarter: '2024-Q1', toQuarter: '2024-Q1' }), 404);
      await expectRefusedUnchanged(() => t.request('GET', '/api/phases/fase-1', { token: admin }), 400, /id in the path must be a UUID/);
      await expectRefusedUnchanged(() => fire(phaseOf(SOCIAL_AREA), secretary.token, 'finish'), 400, /"finish" is not an event/);
    });

    it('draws the plan as an SVG that parses as XML and shows every phase, its state and the quarters', async () => {
      const tricky = await createPhase(committeeId, secretary.token, { title: `R&D <"ekstra"> 'fase'`, fromQuarter: '2025-Q3', toQuarter: '2025-Q3' });
      expect(tricky.status).toBe(409);
      const response = await t.request('GET', `/api/committees/${committeeId}/process-plan.svg`, { token: member.token });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(XMLValidator.validate(response.text)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['g', 'text', 'tspan'].includes(name) }).parse(response.text);
      const phases = parsed.svg.g.filter((g: { '@_class': string }) => g['@_class'].startsWith('phase '));
      const titles = phases.map((g: { text: { tspan: { '#text': string }[] }[] }) => g.text[0].tspan.map((s) => s['#text']).join(' '));
      expect(titles).toEqual(expect.arrayContaining([...SEED_PHASES.map((p) => p.title), 'Afrapportering og forankring']));
      expect(response.text).toContain('Procesplan');
      expect(response.text).toContain('§ 17, stk. 4-udvalget for nytænkning af socialområdet');
      for (const label of ['1. kvt. 2024', '4. kvt. 2025', 'afsluttet', 'aktiv', 'planlagt', 'aflyst']) expect(response.text).toContain(label);
    });
  });

  it('documents the endpoints, the quarters and the SVG in the OpenAPI document', async () => {
    const doc = (await t.request('GET', '/api/docs-json')).body;
    for (const path of ['/api/committees/{id}/phases', '/api/phases/{id}', '/api/phases/{id}/transitions', '/api/phases/{id}/history', '/api/phases/{id}/participants', '/api/phases/{id}/participants/{personId}']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(Object.keys(doc.paths['/api/committees/{id}/process-plan.svg'].get.responses['200'].content)).toEqual(['image/svg+xml']);
    expect(doc.components.schemas.CreatePhaseDto).toMatchObject({
      required: expect.arrayContaining(['title', 'fromQuarter', 'toQuarter']),
      properties: { fromQuarter: { example: '2024-Q2' }, title: { example: PARTNERSHIPS } },
    });
  });

  describe('a plan in the future', () => {
    it('refuses to start a phase before its start date, giving the date, and changes nothing', async () => {
      const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2026-01-01', mandateEnd: '2029-12-31' });
      const chair = await fixtures.member(committee.id, 'secretary');
      const created = await createPhase(committee.id, chair.token, { title: 'Partnerskab med Struer Kommune', fromQuarter: '2027-Q1', toQuarter: '2027-Q2' });
      expect(created.body).toMatchObject({ startDate: '2027-01-01', endDate: '2027-06-30' });
      const refused = await expectRefusedUnchanged(() => fire(created.body.id, chair.token, 'start'), 409, 'The phase begins on 2027-01-01; it cannot start before then');
      expect(refused.body.code).toBe('transition_guard_failed');
      expect((await t.request('GET', `/api/phases/${created.body.id}/transitions`, { token: chair.token })).body.map((e: { event: string }) => e.event)).toEqual(['cancel']);
      expect((await t.request('GET', `/api/phases/${created.body.id}/history`, { token: chair.token })).body).toEqual([]);
      expect((await t.request('GET', `/api/phases/${created.body.id}`, { token: chair.token })).body).toMatchObject({ state: 'planned', rowVersion: 1 });
    });
  });

  describe('under concurrency', () => {
    async function freshCommittee() {
      const committee = await fixtures.committee({ name: `Udvalg ${Math.random().toString(36).slice(2, 8)}` });
      return { committeeId: committee.id, secretary: await fixtures.member(committee.id, 'secretary') };
    }

    it('gives 20 concurrent starts of one phase exactly one success and one history row', async () => {
      const plan = await freshCommittee();
      const phase = await createPhase(plan.committeeId, plan.secretary.token, { title: SOCIAL_AREA, fromQuarter: '2025-Q1', toQuarter: '2025-Q2' });
      const responses = await Promise.all(Array.from({ length: 20 }, () => fire(phase.body.id, plan.secretary.token, 'start')));
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
      const history = await t.request('GET', `/api/phases/${phase.body.id}/history`, { token: plan.secretary.token });
      expect(history.body).toHaveLength(1);
      expect((await t.request('GET', `/api/phases/${phase.body.id}`, { token: plan.secretary.token })).body).toMatchObject({ state: 'active', rowVersion: 2 });
    });

    it('lets one of several phases started at once become active; the others are told which one', async () => {
      const plan = await freshCommittee();
      const ids: string[] = [];
      for (const phase of SEED_REQUESTS) ids.push((await createPhase(plan.committeeId, plan.secretary.token, phase)).body.id);
      const responses = await Promise.all(ids.map((id) => fire(id, plan.secretary.token, 'start')));
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      const losers = responses.filter((r) => r.status !== 200);
      expect(losers.map((r) => r.body)).toEqual(
        losers.map(() => expect.objectContaining({ statusCode: 409, code: 'transition_guard_failed', message: expect.stringContaining(`Phase "${winners[0].body.title}" is active`) })),
      );
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM workflow_transition WHERE record_id = ANY($1)`, [ids]);
      expect(count).toBe(1);
    });

    it('lets one of several overlapping phases planned at once in; the others are told which one they overlap', async () => {
      const plan = await freshCommittee();
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => createPhase(plan.committeeId, plan.secretary.token, { title: `Tema ${i + 1}`, fromQuarter: '2024-Q2', toQuarter: '2024-Q4' })),
      );
      const winners = responses.filter((r) => r.status === 201);
      expect(winners).toHaveLength(1);
      const losers = responses.filter((r) => r.status !== 201);
      expect(losers.map((r) => r.body)).toEqual(
        losers.map(() => expect.objectContaining({ statusCode: 409, code: 'phase_overlaps', message: expect.stringContaining(`"${winners[0].body.title}"`) })),
      );
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM phase WHERE committee_id = $1`, [plan.committeeId]);
      expect(count).toBe(1);
    });
  });
});
