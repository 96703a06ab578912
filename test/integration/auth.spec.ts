import { ADMIN, startTestApp, type TestApp } from '@app/test-kit';

describe('login, tokens and refusals', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } });
    adminToken = await t.adminToken();
  });
  afterAll(() => t.close());

  const login = (body: unknown, ip = '192.0.2.1') => t.request('POST', '/api/auth/login', { body, headers: { 'x-forwarded-for': ip } });

  it('issues a bearer token for the right password and nothing for a wrong one', async () => {
    const ok = await login(ADMIN, '192.0.2.10');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 8 * 3600 });
    const wrong = await login({ email: ADMIN.email, password: 'not-the-password' }, '192.0.2.11');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'invalid_credentials', message: 'The e-mail or password is wrong' });
    const unknown = await login({ email: 'nobody@test.dk', password: 'whatever-it-is' }, '192.0.2.12');
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('accepts the e-mail in any case', async () => {
    expect((await login({ email: ADMIN.email.toUpperCase(), password: ADMIN.password }, '192.0.2.13')).status).toBe(200);
  });

  it('rejects malformed bodies with 400 naming the field, and unknown fields', async () => {
    const bad = await login({ email: 'not-an-email', password: 'x' }, '192.0.2.14');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/email/);
    const extra = await login({ ...ADMIN, remember: true }, '192.0.2.15');
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/remember/);
    const notJson = await t.request('POST', '/api/auth/login', { body: '{"email":', headers: { 'x-forwarded-for': '192.0.2.16' } });
    expect(notJson.status).toBe(400);
  });

  it('answers 429 with Retry-After once an e-mail has been tried too often from any addresses', async () => {
    const target = { email: 'clerk@test.dk', password: 'guess-1234' };
    for (let i = 0; i < 5; i += 1) expect((await login(target, `198.51.100.${i}`)).status).toBe(401);
    const blocked = await login(target, '198.51.100.200');
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.body.code).toBe('too_many_login_attempts');
  });

  it('refuses requests without a valid token with 401 and records them', async () => {
    const none = await t.request('GET', '/api/audit', { headers: { 'x-request-id': 'refused-no-token' } });
    expect(none.status).toBe(401);
    expect(none.headers['x-request-id']).not.toBe('refused-no-token');
    expect((await t.request('GET', '/api/audit', { token: 'garbage' })).status).toBe(401);
    expect((await t.request('GET', '/api/audit', { headers: { authorization: 'Basic abc' } })).status).toBe(401);

    const token = adminToken;
    const audit = await t.request('GET', '/api/audit?action=request.refused', { token });
    expect(audit.status).toBe(200);
    const entry = audit.body.items.find((e: { clientRequestId: string }) => e.clientRequestId === 'refused-no-token');
    expect(entry).toMatchObject({ action: 'request.refused', statusCode: 401, method: 'GET', path: '/api/audit', actorId: null });
    expect(audit.body.items.some((e: { action: string; statusCode: number }) => e.statusCode === 429)).toBe(true);
    const failed = await t.request('GET', '/api/audit?action=auth.login-failed', { token });
    expect(failed.body.items.length).toBeGreaterThanOrEqual(4);
  });

  it('serves the OpenAPI document with the bearer scheme and every route', async () => {
    const doc = await t.request('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.components.securitySchemes.bearer).toBeDefined();
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/health', '/api/audit']));
  });

  it('sends helmet security headers', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });
});
