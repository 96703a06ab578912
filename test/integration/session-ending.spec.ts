import { ADMIN, FIXTURE_PASSWORD, type Fixtures, type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';

const NEW_PASSWORD = 'korrekt hest batteri hæfteklamme';
const UNKNOWN_PERSON = '3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50';

describe('sessions end at once: an administrator resetting a password, taking a login away or ending them; a password change ends the others', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const works = async (token: string) => (await t.request('GET', '/api/auth/session', { token })).status;
  const person = (name: string): Promise<LoggedIn> => fixtures.person({ name, login: true });

  it('a password the administrator sets ends every session of the person at once', async () => {
    const anne = await person('Anne Nulstil');
    const second = await t.login(anne.email, FIXTURE_PASSWORD);
    expect(await works(anne.token)).toBe(200);
    expect((await t.request('PATCH', `/api/people/${anne.id}`, { token: admin, body: { password: NEW_PASSWORD } })).status).toBe(200);
    expect(await works(anne.token)).toBe(401);
    expect(await works(second)).toBe(401);
    expect(await works(await t.login(anne.email, NEW_PASSWORD))).toBe(200);
  });

  it('an administrator ends all sessions of a person (204); the password stays; others may not (403), nor for nobody (404)', async () => {
    const bo = await person('Bo Afbrudt');
    const second = await t.login(bo.email, FIXTURE_PASSWORD);
    const other = await person('Carl Anden');
    expect((await t.request('DELETE', `/api/people/${bo.id}/sessions`, { token: other.token })).status).toBe(403);
    expect(await works(bo.token)).toBe(200);
    expect((await t.request('DELETE', `/api/people/${UNKNOWN_PERSON}/sessions`, { token: admin })).status).toBe(404);

    expect((await t.request('DELETE', `/api/people/${bo.id}/sessions`, { token: admin })).status).toBe(204);
    expect(await works(bo.token)).toBe(401);
    expect(await works(second)).toBe(401);
    expect(await works(other.token)).toBe(200);
    expect(await works(await t.login(bo.email, FIXTURE_PASSWORD))).toBe(200);
    const audit = await t.request('GET', `/api/audit?action=person.sessions-ended`, { token: admin });
    expect(audit.body.items).toEqual([expect.objectContaining({ entityId: bo.id, details: { ended: 2 } })]);
  });

  it('taking a login away ends the sessions and refuses the password; the last administrator keeps theirs (409)', async () => {
    const dorte = await person('Dorte Udmeldt');
    expect((await t.request('DELETE', `/api/people/${dorte.id}/login`, { token: dorte.token })).status).toBe(403);
    expect((await t.request('DELETE', `/api/people/${dorte.id}/login`, { token: admin })).status).toBe(204);
    expect(await works(dorte.token)).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { email: dorte.email, password: FIXTURE_PASSWORD } })).status).toBe(401);
    expect((await t.request('GET', `/api/people/${dorte.id}`, { token: admin })).body.hasLogin).toBe(false);

    const adminId = (await t.request('GET', '/api/auth/session', { token: admin })).body.person.id;
    const lastAdmin = await t.request('DELETE', `/api/people/${adminId}/login`, { token: admin });
    expect(lastAdmin.status).toBe(409);
    expect(lastAdmin.body.code).toBe('last_administrator');
    expect(await works(admin)).toBe(200);
  });

  it('changing one’s own password ends one’s other sessions at once, keeps this one, and needs the current password', async () => {
    const eva = await person('Eva Egen');
    const laptop = await t.login(eva.email, FIXTURE_PASSWORD);
    const change = (token: string, body: unknown) => t.request('PUT', '/api/auth/password', { token, body });

    const wrong = await change(eva.token, { currentPassword: 'not-the-password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('current_password_wrong');
    const weak = await change(eva.token, { currentPassword: FIXTURE_PASSWORD, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('password_too_weak');
    expect(await works(laptop)).toBe(200);

    expect((await change(eva.token, { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect(await works(laptop)).toBe(401);
    expect(await works(eva.token)).toBe(200);
    expect((await t.request('POST', '/api/auth/login', { body: { email: eva.email, password: FIXTURE_PASSWORD } })).status).toBe(401);
    expect(await works(await t.login(eva.email, NEW_PASSWORD))).toBe(200);
  });

  it('a browser changing its password with the cookie needs the csrf token', async () => {
    const login = await t.request('POST', '/api/auth/login', { body: ADMIN });
    const cookie = `session=${login.body.accessToken}`;
    const body = { currentPassword: ADMIN.password, newPassword: ADMIN.password };
    const refused = await t.request('PUT', '/api/auth/password', { headers: { cookie }, body });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_token_invalid');
  });
});

describe('a wrong current password counts toward the login limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 once the account has had too many tries, by login or password change', async () => {
    const token = await t.login(ADMIN.email, ADMIN.password);
    const body = { currentPassword: 'a wrong guess', newPassword: NEW_PASSWORD };
    expect((await t.request('PUT', '/api/auth/password', { token, body })).status).toBe(400);
    expect((await t.request('PUT', '/api/auth/password', { token, body })).status).toBe(400);
    const blocked = await t.request('PUT', '/api/auth/password', { token, body });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_login_attempts');
    expect((await t.request('POST', '/api/auth/login', { body: ADMIN })).status).toBe(429);
    const failed = await t.request('GET', '/api/audit?action=auth.login-failed', { token });
    expect(failed.body.items).toHaveLength(2);
  });
});
