import { ADMIN, startTestApp, type TestApp } from '@app/test-kit';

/** The session cookie's value from a login's Set-Cookie header. */
const cookieOf = (setCookie: string | undefined): string => {
  const match = /(?:^|,\s*)session=([^;]*)/.exec(setCookie ?? '');
  if (!match) throw new Error(`no session cookie in ${setCookie}`);
  return `session=${match[1]}`;
};

describe('server-side sessions: the browser cookie, CSRF, the session endpoint and logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = async () => {
    const res = await t.request('POST', '/api/auth/login', { body: ADMIN, headers: { 'user-agent': 'session-test' } });
    expect(res.status).toBe(200);
    return { token: res.body.accessToken as string, csrfToken: res.body.csrfToken as string, cookie: cookieOf(res.headers['set-cookie']), setCookie: res.headers['set-cookie'] };
  };
  const newBody = (name: string) => ({ name, kind: 'municipality' });

  it('sets an HttpOnly, SameSite=Lax session cookie on the whole site holding the token, and answers the csrf token', async () => {
    const { token, csrfToken, cookie, setCookie } = await login();
    expect(cookie).toBe(`session=${token}`);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=28800/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('shows the person and the csrf token of the session, by cookie or bearer token; 401 without one', async () => {
    const { token, csrfToken, cookie } = await login();
    const byCookie = await t.request('GET', '/api/auth/session', { headers: { cookie } });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body).toEqual({ person: { id: expect.any(String), name: 'Administrator', email: ADMIN.email, roles: ['admin'], bodyIds: [] }, csrfToken });
    expect((await t.request('GET', '/api/auth/session', { token })).body.csrfToken).toBe(csrfToken);
    const none = await t.request('GET', '/api/auth/session');
    expect(none.status).toBe(401);
    expect(none.headers['cache-control']).toBe('no-store');
    expect((await t.request('GET', '/api/auth/session', { headers: { cookie: 'session=not-a-token' } })).status).toBe(401);
  });

  it('refuses a change sent with the cookie without the session’s X-CSRF-Token (403, nothing changes); the bearer token needs none', async () => {
    const { token, csrfToken, cookie } = await login();
    const other = await login();
    const before = (await t.request('GET', '/api/bodies?limit=500', { token })).body.items.length;
    const without = await t.request('POST', '/api/bodies', { headers: { cookie }, body: newBody('Uden token Kommune') });
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ statusCode: 403, code: 'csrf_token_invalid' });
    const wrong = await t.request('POST', '/api/bodies', { headers: { cookie, 'x-csrf-token': other.csrfToken }, body: newBody('Forkert token Kommune') });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('csrf_token_invalid');
    expect((await t.request('GET', '/api/bodies?limit=500', { token })).body.items.length).toBe(before);

    expect((await t.request('POST', '/api/bodies', { headers: { cookie, 'x-csrf-token': csrfToken }, body: newBody('Med token Kommune') })).status).toBe(201);
    expect((await t.request('POST', '/api/bodies', { token, body: newBody('Bearer Kommune') })).status).toBe(201);
    // Reading with the cookie needs no CSRF token.
    expect((await t.request('GET', '/api/bodies', { headers: { cookie } })).status).toBe(200);
  });

  it('prefers the bearer header to the cookie', async () => {
    const { cookie } = await login();
    expect((await t.request('GET', '/api/auth/session', { headers: { cookie, authorization: 'Bearer garbage' } })).status).toBe(401);
  });

  it('logs out: 204, the cookie cleared, and the session’s token refused at once, by cookie and bearer alike; other sessions go on', async () => {
    const first = await login();
    const second = await login();
    expect((await t.request('POST', '/api/auth/logout', { headers: { cookie: first.cookie } })).status).toBe(403);
    const out = await t.request('POST', '/api/auth/logout', { headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers['set-cookie']).toMatch(/^session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax/);
    const byBearer = await t.request('GET', '/api/auth/session', { token: first.token });
    expect(byBearer.status).toBe(401);
    expect(byBearer.body.message).toMatch(/session has ended/);
    expect((await t.request('GET', '/api/auth/session', { headers: { cookie: first.cookie } })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/session', { token: second.token })).status).toBe(200);

    expect((await t.request('POST', '/api/auth/logout', { token: second.token })).status).toBe(204);
    expect((await t.request('GET', '/api/bodies', { token: second.token })).status).toBe(401);
    const audit = await t.request('GET', '/api/audit?action=auth.logout', { token: (await login()).token });
    expect(audit.body.items.length).toBe(2);
  });
});
