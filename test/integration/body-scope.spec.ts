import { ADMIN, expectRefused, type Fixtures, type LoggedIn, startTestApp, tableCounts, type TestApp } from '@app/test-kit';

/**
 * Directors and administrators bound to their bodies: Hedensted Kommune and Region Midtjylland, a director of each,
 * a director of none, and an administrator of Hedensted only.
 */
describe('directors and administrators act only for their bodies', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: string;
  let hedensted: string;
  let region: string;
  let hedenstedCommittee: string;
  let regionCommittee: string;
  let hedenstedSecretary: LoggedIn;
  let regionSecretary: LoggedIn;
  let hedenstedDirector: LoggedIn;
  let regionDirector: LoggedIn;
  let directorOfNothing: LoggedIn;
  let hedenstedAdmin: LoggedIn;
  let heldMeeting: string;
  let closedItem: string;
  let closedCaseNumber: string;

  const as = (who: LoggedIn | string) => (typeof who === 'string' ? who : who.token);
  const call = (who: LoggedIn | string, method: string, path: string, body?: unknown) => t.request(method, path, { token: as(who), ...(body === undefined ? {} : { body }) });

  /** A kommissorium submitted by the secretary of a new committee of the body (one open version per committee). */
  async function submittedCommission(bodyId: string): Promise<string> {
    const { id: committeeId } = await fixtures.committee({ bodyId, name: `Udvalg ${Math.random()}`, kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const secretary = await fixtures.member(committeeId, 'secretary');
    const created = await call(secretary, 'POST', `/api/committees/${committeeId}/commissions`, { title: 'Kommissorium', purpose: 'Udvalget skal mindske ulighed i sundhed.' });
    expect(created.status).toBe(201);
    expect((await call(secretary, 'POST', `/api/commissions/${created.body.id}/transitions`, { event: 'submit' })).status).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    fixtures = await t.fixtures();
    hedensted = (await fixtures.body({ name: 'Hedensted Kommune', kind: 'municipality' })).id;
    region = (await fixtures.body({ name: 'Region Midtjylland', kind: 'region' })).id;
    const hedenstedStaff = await fixtures.staffedCommittee({ bodyId: hedensted, name: 'Social Omsorg', memberCount: 1 });
    const regionStaff = await fixtures.staffedCommittee({ bodyId: region, name: 'Udvalg for lighed i sundhed', memberCount: 0 });
    hedenstedCommittee = hedenstedStaff.committeeId;
    regionCommittee = regionStaff.committeeId;
    hedenstedSecretary = hedenstedStaff.secretary;
    regionSecretary = regionStaff.secretary;
    hedenstedDirector = await fixtures.person({ name: 'Direktør Hanne', roles: ['director'], bodyIds: [hedensted], login: true });
    regionDirector = await fixtures.person({ name: 'Direktør Rasmus', roles: ['director'], bodyIds: [region], login: true });
    directorOfNothing = await fixtures.person({ name: 'Direktør Uden Myndighed', roles: ['director'], login: true });
    hedenstedAdmin = await fixtures.person({ name: 'Administrator Hedensted', roles: ['admin'], bodyIds: [hedensted], login: true });

    const meetings = fixtures.meetings(hedenstedCommittee, hedenstedSecretary.token);
    const held = await meetings.heldMeeting({ startsAt: new Date(Date.now() - 10 * 60_000).toISOString(), itemCount: 2, closedItems: [2], closedMarker: 'FORTROLIGT' });
    heldMeeting = held.meetingId;
    closedItem = held.itemIds[1];
    closedCaseNumber = (await call(hedenstedSecretary, 'GET', `/api/items/${closedItem}`)).body.caseNumber;
    expect((await call(hedenstedSecretary, 'POST', `/api/meetings/${heldMeeting}/minutes`)).status).toBe(202);
  });
  afterAll(() => t.close());

  describe('bodyIds on /api/people', () => {
    it('stores the bodies, shows them to administrators, changes them with PATCH', async () => {
      const created = await call(admin, 'POST', '/api/people', { name: 'Direktør Dorthe', email: 'dorthe@bodies.example.dk', roles: ['director'], bodyIds: [region, hedensted.toUpperCase()] });
      expect(created.status).toBe(201);
      expect(created.body.bodyIds).toEqual([hedensted, region].sort());
      expect((await call(admin, 'GET', `/api/people/${created.body.id}`)).body.bodyIds).toEqual([hedensted, region].sort());
      const changed = await call(admin, 'PATCH', `/api/people/${created.body.id}`, { bodyIds: [region] });
      expect(changed.body.bodyIds).toEqual([region]);
      const listed = await call(admin, 'GET', '/api/people?q=dorthe@bodies');
      expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, bodyIds: [region] })]);
      // Who acts for which body is shown to administrators only, like the roles.
      expect((await call(hedenstedDirector, 'GET', `/api/people/${created.body.id}`)).body).not.toHaveProperty('bodyIds');
    });

    it('refuses an id that names no body (404 naming bodyIds) and a malformed one (400), writing nothing', async () => {
      const unknown = '7b0c1a52-4f1e-4a8e-9d0e-5d1a2b3c4d5e';
      const refused = await expectRefused(t, () => call(admin, 'POST', '/api/people', { name: 'Ukendt', email: 'ukendt@bodies.example.dk', roles: ['director'], bodyIds: [hedensted, unknown] }), 404, /bodyIds names no body: there is none with id 7b0c1a52/);
      expect(refused.body).toMatchObject({ code: 'body_not_found' });
      await expectRefused(t, () => call(admin, 'PATCH', `/api/people/${hedenstedDirector.id}`, { title: 'Direktør', bodyIds: [unknown] }), 404, /bodyIds names no body/);
      await expectRefused(t, () => call(admin, 'POST', '/api/people', { name: 'Forkert', email: 'forkert@bodies.example.dk', bodyIds: ['hedensted'] }), 400, /bodyIds/);
      expect((await call(admin, 'GET', `/api/people/${hedenstedDirector.id}`)).body).toMatchObject({ title: null, bodyIds: [hedensted] });
    });

    it('keeps an administrator of the whole installation: the last one may not be narrowed to a body (409)', async () => {
      const [{ id }] = await t.dataSource.query('SELECT id FROM person WHERE email = $1', [ADMIN.email]);
      await expectRefused(t, () => call(admin, 'PATCH', `/api/people/${id}`, { bodyIds: [hedensted] }), 409, /last administrator/);
    });
  });

  describe('a director', () => {
    it('approves only the kommissorier of their bodies’ committees; another body’s director and a director of none are refused like outsiders', async () => {
      const id = await submittedCommission(hedensted);
      const before = await tableCounts(t.dataSource);
      for (const outsider of [regionDirector, directorOfNothing]) {
        expect((await call(outsider, 'POST', `/api/commissions/${id}/transitions`, { event: 'approve' })).status).toBe(403);
        expect((await call(outsider, 'POST', `/api/commissions/${id}/transitions`, { event: 'return', comment: 'Nej' })).status).toBe(403);
        expect((await call(outsider, 'GET', `/api/commissions/${id}`)).status).toBe(403);
        expect((await call(outsider, 'GET', `/api/commissions/${id}/transitions`)).status).toBe(403);
      }
      expect(await tableCounts(t.dataSource)).toEqual(before);
      const available = await call(hedenstedDirector, 'GET', `/api/commissions/${id}/transitions`);
      expect(available.body.map((e: { event: string }) => e.event).sort()).toEqual(['approve', 'return']);
      expect((await call(hedenstedDirector, 'POST', `/api/commissions/${id}/transitions`, { event: 'approve' })).body).toMatchObject({ state: 'approved' });

      const regional = await submittedCommission(region);
      expect((await call(hedenstedDirector, 'POST', `/api/commissions/${regional}/transitions`, { event: 'approve' })).status).toBe(403);
      expect((await call(regionDirector, 'POST', `/api/commissions/${regional}/transitions`, { event: 'approve' })).status).toBe(200);
    });

    it("reads the meetings, closed items and members' minutes of their bodies' committees only, in the same three statements", async () => {
      const own = await call(hedenstedDirector, 'GET', `/api/meetings/${heldMeeting}`);
      expect(own.status).toBe(200);
      expect(own.headers['x-sql-statements']).toBe('3');
      expect((await call(hedenstedDirector, 'GET', `/api/items/${closedItem}`)).body.summary).toContain('FORTROLIGT');
      expect((await call(hedenstedDirector, 'GET', `/api/meetings/${heldMeeting}/minutes`)).status).toBe(200);
      expect((await call(hedenstedDirector, 'GET', `/api/committees/${hedenstedCommittee}/meetings`)).status).toBe(200);
      for (const outsider of [regionDirector, directorOfNothing]) {
        for (const path of [`/api/meetings/${heldMeeting}`, `/api/items/${closedItem}`, `/api/meetings/${heldMeeting}/minutes`, `/api/meetings/${heldMeeting}/minutes.md`, `/api/committees/${hedenstedCommittee}/meetings`, `/api/committees/${hedenstedCommittee}/commissions`]) {
          expect({ path, status: (await call(outsider, 'GET', path)).status }).toEqual({ path, status: 403 });
        }
      }
    });

    it('is told of a closed case only within their bodies: elsewhere the same 404 as an unknown number', async () => {
      const own = await call(hedenstedDirector, 'GET', `/api/cases/${encodeURIComponent(closedCaseNumber)}`);
      expect(own.status).toBe(200);
      const hidden = await call(regionDirector, 'GET', `/api/cases/${encodeURIComponent(closedCaseNumber)}`);
      const unknown = await call(regionDirector, 'GET', `/api/cases/${encodeURIComponent('99.99.99-Z99-1-99')}`);
      expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: unknown.status, code: unknown.body.code });
      expect(hidden.status).toBe(404);
    });
  });

  describe('an administrator of a body', () => {
    it('administers that body: its committees, seats, meetings and the body itself', async () => {
      expect((await call(hedenstedAdmin, 'PATCH', `/api/bodies/${hedensted}`, { name: 'Hedensted Kommune' })).status).toBe(200);
      const committee = await call(hedenstedAdmin, 'POST', '/api/committees', { bodyId: hedensted, name: 'Teknik og Miljø', kind: 'standing', mandateStart: '2024-01-01' });
      expect(committee.status).toBe(201);
      expect((await call(hedenstedAdmin, 'PATCH', `/api/committees/${committee.body.id}`, { name: 'Teknik- og Miljøudvalget' })).status).toBe(200);
      // The committee made a moment ago is theirs on the next request: the scope is read with the person each time.
      const person = await call(hedenstedAdmin, 'POST', '/api/people', { name: 'Suppleant Svend', email: 'svend@bodies.example.dk' });
      expect(person.body.bodyIds).toEqual([hedensted]);
      expect((await call(hedenstedAdmin, 'POST', `/api/committees/${committee.body.id}/members`, { personId: person.body.id, role: 'member' })).status).toBe(201);
      expect((await call(hedenstedAdmin, 'POST', `/api/committees/${committee.body.id}/meetings`, { startsAt: '2027-06-07T09:00:00+02:00', location: 'Rådhuset' })).status).toBe(201);
      expect((await call(hedenstedAdmin, 'GET', `/api/meetings/${heldMeeting}`)).status).toBe(200);
      const id = await submittedCommission(hedensted);
      expect((await call(hedenstedAdmin, 'POST', `/api/commissions/${id}/transitions`, { event: 'approve' })).status).toBe(200);
    });

    it('is refused outside it like anyone else, and for what concerns the whole installation', async () => {
      const regional = await submittedCommission(region);
      const regionMeeting = await fixtures.meetings(regionCommittee, regionSecretary.token).meeting({ startsAt: '2027-06-08T09:00:00+02:00' });
      const refusals: [string, string, unknown?][] = [
        ['PATCH', `/api/bodies/${region}`, { name: 'Region Midt' }],
        ['POST', '/api/committees', { bodyId: region, name: 'Regionsrådet', kind: 'council', mandateStart: '2024-01-01' }],
        ['PATCH', `/api/committees/${regionCommittee}`, { name: 'Andet navn' }],
        ['POST', `/api/committees/${regionCommittee}/members`, { personId: hedenstedDirector.id, role: 'member' }],
        ['POST', `/api/committees/${regionCommittee}/meetings`, { startsAt: '2027-06-07T09:00:00+02:00', location: 'Regionshuset' }],
        ['GET', `/api/meetings/${regionMeeting}`],
        ['POST', `/api/commissions/${regional}/transitions`, { event: 'approve' }],
        ['POST', '/api/bodies', { name: 'Horsens Kommune', kind: 'municipality' }],
        ['GET', '/api/audit'],
      ];
      for (const [method, path, body] of refusals) {
        const before = await tableCounts(t.dataSource);
        expect({ method, path, status: (await call(hedenstedAdmin, method, path, body)).status }).toEqual({ method, path, status: 403 });
        expect(await tableCounts(t.dataSource)).toEqual(before);
      }
    });

    it("manages only people of their bodies, gives only their own bodies, and sees roles only of their people", async () => {
      const [{ id: installationAdmin }] = await t.dataSource.query('SELECT id FROM person WHERE email = $1', [ADMIN.email]);
      // Taking over a login of another body, or the installation's administrator, by e-mail or password.
      await expectRefused(t, () => call(hedenstedAdmin, 'PATCH', `/api/people/${regionDirector.id}`, { email: 'overtaget@bodies.example.dk' }), 403, /only people of their own bodies/);
      await expectRefused(t, () => call(hedenstedAdmin, 'PATCH', `/api/people/${installationAdmin}`, { password: 'Overtaget-2027-kodeord' }), 403, /only people of their own bodies/);
      // Making an administrator of the whole installation, or a director of another body.
      await expectRefused(t, () => call(hedenstedAdmin, 'POST', '/api/people', { name: 'Ny Admin', email: 'nyadmin@bodies.example.dk', roles: ['admin'], bodyIds: [] }), 403, /own bodies/);
      await expectRefused(t, () => call(hedenstedAdmin, 'POST', '/api/people', { name: 'Ny Direktør', email: 'nydir@bodies.example.dk', roles: ['director'], bodyIds: [region] }), 403, /own bodies/);
      await expectRefused(t, () => call(hedenstedAdmin, 'PATCH', `/api/people/${hedenstedDirector.id}`, { bodyIds: [hedensted, region] }), 403, /own bodies/);
      const refused = await call(hedenstedAdmin, 'PATCH', `/api/people/${hedenstedDirector.id}`, { bodyIds: [] });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'outside_administered_bodies' });

      expect((await call(hedenstedAdmin, 'PATCH', `/api/people/${hedenstedDirector.id}`, { title: 'Direktør for Social Omsorg' })).status).toBe(200);
      expect((await call(hedenstedAdmin, 'GET', `/api/people/${hedenstedDirector.id}`)).body).toMatchObject({ roles: ['director'], bodyIds: [hedensted] });
      expect((await call(hedenstedAdmin, 'GET', `/api/people/${regionDirector.id}`)).body).not.toHaveProperty('roles');
    });
  });
});
