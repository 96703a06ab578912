import { ADMIN, expectRefused, startTestApp, type TestApp } from '@app/test-kit';

const PASSWORD = 'Hedensted-udvalg-2024';

describe('people over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let plainToken: string;


  const createPerson = async (body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/people', { token: admin, body });
    expect(res.status).toBe(201);
    return res.body;
  };

  const welcomeEmailsFor = async (personId: string): Promise<number> => {
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM outbox_message WHERE job_name = 'send-welcome-email' AND payload->>'personId' = $1`, [personId]);
    return count;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    await createPerson({ name: 'Anne Plain', email: 'anne.plain@hedensted.dk', password: PASSWORD });
    plainToken = await t.login('anne.plain@hedensted.dk', PASSWORD);
  });
  afterAll(() => t.close());

  it('creates a person with a login: e-mail stored lower-case, no hash returned, a welcome e-mail queued in the same write', async () => {
    const person = await createPerson({ name: 'Birgit Jakobsen', email: '  Birgit.Jakobsen@Hedensted.DK ', party: 'KD', title: 'Byrådsmedlem', password: PASSWORD });
    expect(person).toEqual({
      id: expect.any(String),
      name: 'Birgit Jakobsen',
      email: 'birgit.jakobsen@hedensted.dk',
      party: 'KD',
      title: 'Byrådsmedlem',
      roles: [],
      hasLogin: true,
      bodyIds: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await welcomeEmailsFor(person.id)).toBe(1);
    expect(await t.login('BIRGIT.JAKOBSEN@hedensted.dk', PASSWORD)).toEqual(expect.any(String));
    const [{ password_hash: hash }] = await t.dataSource.query('SELECT password_hash FROM person WHERE id = $1', [person.id]);
    expect(hash).toMatch(/^\$argon2id\$/);
  });

  it('creates a person without a login and queues no e-mail', async () => {
    const person = await createPerson({ name: 'Ekstern Deltager', email: 'deltager@frivilligcenter.dk' });
    expect(person).toMatchObject({ hasLogin: false, party: null, title: null, roles: [] });
    expect(await welcomeEmailsFor(person.id)).toBe(0);
  });

  it('refuses a second person with the same e-mail in any case, naming the e-mail', async () => {
    await createPerson({ name: 'Jens Duplikat', email: 'jens@hedensted.dk' });
    await expectRefused(t, () => t.request('POST', '/api/people', { token: admin, body: { name: 'Jens Anden', email: 'JENS@hedensted.dk' } }), 409, /jens@hedensted\.dk/);
  });

  it.each([
    ['an unknown field', { name: 'X', email: 'x@hedensted.dk', isAdmin: true }, /property isAdmin should not exist/],
    ['an unknown global role', { name: 'X', email: 'x@hedensted.dk', roles: ['chair'] }, /roles/],
    ['roles sent as null', { name: 'X', email: 'x@hedensted.dk', roles: null }, /roles/],
    ['a malformed e-mail', { name: 'X', email: 'ikke-en-adresse' }, /email must be an email/],
    ['a blank name', { name: '   ', email: 'x@hedensted.dk' }, /name should not be empty/],
  ])('refuses %s with 400', async (_, body, message) => {
    await expectRefused(t, () => t.request('POST', '/api/people', { token: admin, body }), 400, message);
  });

  it('lists people to anyone logged in, filtered by name or e-mail in any case', async () => {
    await createPerson({ name: 'Kirsten Søgaard', email: 'kiso@hedensted.dk' });
    const res = await t.request('GET', '/api/people?q=SØGAARD', { token: plainToken });
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { email: string }) => p.email)).toEqual(['kiso@hedensted.dk']);
    const byEmail = await t.request('GET', '/api/people?q=kiso@', { token: plainToken });
    expect(byEmail.body.items).toHaveLength(1);
    const wildcard = await t.request('GET', '/api/people?q=%25', { token: plainToken });
    expect(wildcard.body).toEqual({ items: [], nextCursor: null });
  });

  it('reads one person, 400 for a malformed id and 404 for an unknown one', async () => {
    const person = await createPerson({ name: 'Lars Læser', email: 'lars@hedensted.dk' });
    expect((await t.request('GET', `/api/people/${person.id}`, { token: plainToken })).body).toMatchObject({ id: person.id, name: 'Lars Læser' });
    await expectRefused(t, () => t.request('GET', '/api/people/not-a-uuid', { token: plainToken }), 400, /id in the path must be a UUID/);
    await expectRefused(t, () => t.request('GET', '/api/people/3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50', { token: plainToken }), 404, /No person with id/);
  });

  it('gives a login by PATCH with a welcome e-mail; changing a password later sends none', async () => {
    const person = await createPerson({ name: 'Mette Direktør', email: 'mette@hedensted.dk', party: 'V' });
    const res = await t.request('PATCH', `/api/people/${person.id}`, { token: admin, body: { password: PASSWORD, roles: ['director'], title: 'Direktør for Social Omsorg', party: '' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hasLogin: true, roles: ['director'], title: 'Direktør for Social Omsorg', party: null, name: 'Mette Direktør' });
    expect(await welcomeEmailsFor(person.id)).toBe(1);
    await t.request('PATCH', `/api/people/${person.id}`, { token: admin, body: { password: 'Et-nyt-kodeord-2025' } });
    expect(await welcomeEmailsFor(person.id)).toBe(1);
    expect(await t.login('mette@hedensted.dk', 'Et-nyt-kodeord-2025')).toEqual(expect.any(String));
  });

  it('refuses PATCHes that would break a person, leaving the person as it was', async () => {
    const person = await createPerson({ name: 'Niels Uændret', email: 'niels@hedensted.dk' });
    const patch = (body: unknown) => () => t.request('PATCH', `/api/people/${person.id}`, { token: admin, body });
    await expectRefused(t, patch({ email: 'ANNE.PLAIN@hedensted.dk' }), 409, /anne\.plain@hedensted\.dk/);
    await expectRefused(t, patch({ name: null }), 400, /name/);
    await expectRefused(t, patch({ password: null }), 400, /password/);
    await expectRefused(t, patch({ id: person.id }), 400, /property id should not exist/);
    await expectRefused(t, patch(null), 400, /body must be a JSON object/);
    await expectRefused(t, patch([{ name: 'Niels Liste' }]), 400, /body must be a JSON object/);
    expect((await t.request('GET', `/api/people/${person.id}`, { token: admin })).body).toEqual(person);
  });

  it('refuses bodies that are not JSON with 415, changing nothing', async () => {
    const person = await createPerson({ name: 'Nina Formular', email: 'nina@hedensted.dk' });
    for (const [contentType, body] of [
      ['application/x-www-form-urlencoded', 'name=Nina+Anden'],
      ['text/plain', '{"name":"Nina Anden"}'],
    ]) {
      const send = () => t.request('PATCH', `/api/people/${person.id}`, { token: admin, body, headers: { 'content-type': contentType } });
      await expectRefused(t, send, 415, /Content-Type is not accepted: send the body as JSON/);
    }
    expect((await t.request('GET', `/api/people/${person.id}`, { token: admin })).body).toEqual(person);
  });

  it('refuses to take the admin role from the last administrator who can log in', async () => {
    const me = (await t.request('GET', '/api/auth/me', { token: admin })).body;
    await expectRefused(t, () => t.request('PATCH', `/api/people/${me.personId}`, { token: admin, body: { roles: [] } }), 409, /last administrator/);
    expect((await t.request('GET', `/api/people/${me.personId}`, { token: admin })).body.roles).toEqual(['admin']);
  });

  it('shows global roles and login status to administrators only, in the list and one by one', async () => {
    const director = await createPerson({ name: 'Rolf Rollehemmelig', email: 'rolf@hedensted.dk', roles: ['director'], password: PASSWORD });
    const directorToken = await t.login('rolf@hedensted.dk', PASSWORD);
    for (const token of [plainToken, directorToken]) {
      const one = await t.request('GET', `/api/people/${director.id}`, { token });
      expect(one.status).toBe(200);
      expect(one.body).toEqual({ id: director.id, name: 'Rolf Rollehemmelig', email: 'rolf@hedensted.dk', party: null, title: null, createdAt: expect.any(String), updatedAt: expect.any(String) });
      const list = await t.request('GET', '/api/people?q=rolf', { token });
      expect(list.body).toEqual({ items: [one.body], nextCursor: null });
      const everyone = await t.request('GET', '/api/people?limit=200', { token });
      expect(everyone.body.items.length).toBeGreaterThan(1);
      expect(JSON.stringify(everyone.body)).not.toMatch(/"roles"|"hasLogin"/);
    }
    expect((await t.request('GET', `/api/people/${director.id}`, { token: admin })).body).toMatchObject({ roles: ['director'], hasLogin: true });
    expect((await t.request('GET', '/api/people?q=rolf', { token: admin })).body.items).toEqual([expect.objectContaining({ roles: ['director'], hasLogin: true })]);
    const docs = (await t.request('GET', '/api/docs-json')).body;
    expect(docs.paths['/api/people/{id}'].get.description).toMatch(/administrators only/);
    expect(docs.components.schemas.PersonDto.properties).not.toHaveProperty('roles');
  });

  it('lets only an administrator write, and nobody without a token read', async () => {
    const person = await createPerson({ name: 'Ole Beskyttet', email: 'ole@hedensted.dk' });
    await expectRefused(t, () => t.request('POST', '/api/people', { token: plainToken, body: { name: 'X', email: 'x@hedensted.dk' } }), 403, /administrator/);
    await expectRefused(t, () => t.request('PATCH', `/api/people/${person.id}`, { token: plainToken, body: { roles: ['admin'] } }), 403, /administrator/);
    await expectRefused(t, () => t.request('GET', '/api/people'), 401, /Log in/);
  });

  it('keeps each write in the audit trail with the actor and request id', async () => {
    const requestId = 'people-audit-1';
    const res = await t.request('POST', '/api/people', { token: admin, body: { name: 'Pia Revision', email: 'pia@hedensted.dk' }, headers: { 'x-request-id': requestId } });
    const trail = await t.request('GET', `/api/audit?entityType=person&entityId=${res.body.id}`, { token: admin });
    expect(trail.body.items).toEqual([expect.objectContaining({ action: 'person.created', actorEmail: ADMIN.email, clientRequestId: requestId, details: expect.objectContaining({ email: 'pia@hedensted.dk' }) })]);
    expect(JSON.stringify(trail.body.items)).not.toMatch(/argon2|password_hash/);
  });
});
