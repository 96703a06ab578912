import { request as httpRequest } from 'node:http';
import { expectRefused, FIXTURE_PASSWORD, startTestApp, type TestApp } from '@app/test-kit';

/** A GET sent as written: fetch would normalise the path and the query. */
function rawGet(baseUrl: string, path: string, token: string): Promise<{ status: number; body: any; text: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, body: JSON.parse(text) }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

const nested = (depth: number) => `{"email":"a@test.dk","password":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;

describe('the HTTP edge', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  describe('deeply nested JSON', () => {
    it('refuses a 10,000-deep body to the login route with 400 at once, before validation', async () => {
      const started = performance.now();
      const res = await t.request('POST', '/api/auth/login', { body: nested(10_000) });
      expect(performance.now() - started).toBeLessThan(500);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'json_too_deep', message: expect.stringMatching(/deeper than 32 levels/) });
      const arrays = await t.request('POST', '/api/auth/login', { body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` });
      expect(arrays.body.code).toBe('json_too_deep');
    });

    it('keeps /api/health answering while eight such bodies arrive at once', async () => {
      const attacks = Array.from({ length: 8 }, () => t.request('POST', '/api/auth/login', { body: nested(100_000) }));
      const started = performance.now();
      const health = await t.request('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      expect((await Promise.all(attacks)).map((res) => res.status)).toEqual(Array(8).fill(400));
    });

    it('still takes nesting within the limit, and brackets inside strings do not count', async () => {
      const res = await t.request('POST', '/api/bodies', { token: admin, body: { name: `"Kommune\\" ${'{['.repeat(40)}`, kind: 'region', closedDays: [] } });
      expect(res.status).toBe(201);
      const login = await t.request('POST', '/api/auth/login', { body: nested(30) });
      expect(login.status).toBe(400);
      expect(login.body.code).toBe('validation_failed');
    });
  });

  describe('NUL and invalid Unicode', () => {
    it.each([
      ['the case route', '/api/cases/KS-%00'],
      ['the people search', '/api/people?q=anne%00'],
      ['the people search', '/api/people?q=%ED%A0%80'],
      ['the people search', '/api/people?q=anne%FF'],
      ['the case route', '/api/cases/KS-%FF'],
    ])('refuses a NUL or invalid UTF-8 in %s with 400', async (_, path) => {
      const res = await rawGet(t.baseUrl, path, admin);
      expect(res.status).toBe(400);
      expect(res.body.message).not.toMatch(/postgres|syntax|byte sequence|0x00/i);
    });

    it('names the part of the request, and refuses a NUL and a lone surrogate in a JSON string', async () => {
      expect((await rawGet(t.baseUrl, '/api/cases/KS-%00', admin)).body).toMatchObject({ code: 'invalid_text', message: expect.stringMatching(/path parameter caseNumber/) });
      expect((await rawGet(t.baseUrl, '/api/people?q=anne%00', admin)).body.message).toMatch(/query parameter q/);
      expect((await rawGet(t.baseUrl, '/api/people?q=anne%FF', admin)).body).toMatchObject({ code: 'invalid_query', message: 'The query is not valid percent-encoded UTF-8' });
      const nul = await expectRefused(t, () => t.request('POST', '/api/bodies', { token: admin, body: '{"name":"Hed\\u0000ensted","kind":"region"}' }), 400, /body field name holds a NUL/);
      expect(nul.body.code).toBe('invalid_text');
      await expectRefused(t, () => t.request('POST', '/api/bodies', { token: admin, body: '{"name":"Hed\\ud800ensted","kind":"region"}' }), 400, /body field name holds a NUL character or invalid Unicode/);
      await expectRefused(t, () => t.request('POST', '/api/bodies', { token: admin, body: '{"name":"Hedensted","kind":"region","closedDays":["12-24"],"x\\u0000":1}' }), 400, /body field x/);
      const emoji = await t.request('POST', '/api/bodies', { token: admin, body: '{"name":"Kommune \\ud83d\\ude00","kind":"region"}' });
      expect(emoji.status).toBe(201);
    });

    it('refuses a body that is not valid UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from('{"name":"Hed'), Buffer.from([0xff, 0xfe]), Buffer.from('ensted","kind":"region"}')]);
      const res = await fetch(`${t.baseUrl}/api/bodies`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: bytes });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_utf8', message: 'The request body is not valid UTF-8' });
    });
  });

  describe('caching', () => {
    it('says no-store on every answer that needs a login, and leaves the public answers as they were', async () => {
      const fixtures = await t.fixtures();
      const body = await fixtures.body();
      const { committeeId, secretary, members } = await fixtures.staffedCommittee({ bodyId: body.id, name: 'Økonomiudvalget', memberCount: 1 });
      const { meetingId, itemIds } = await fixtures.meetings(committeeId, secretary.token).publishedMeeting({ startsAt: '2030-03-04T15:00:00Z', itemCount: 1 });
      for (const path of [`/api/meetings/${meetingId}`, `/api/items/${itemIds[0]}`, `/api/items/${itemIds[0]}/attachments`, '/api/people', `/api/meetings/${meetingId}/invite.ics`, `/api/items/${itemIds[0]}/history`]) {
        const res = await t.request('GET', path, { token: members[0].token });
        expect({ path, status: res.status, cache: res.headers['cache-control'] }).toEqual({ path, status: 200, cache: 'no-store' });
      }
      const refusedForAnother = await t.request('GET', '/api/audit', { token: members[0].token });
      expect({ status: refusedForAnother.status, cache: refusedForAnother.headers['cache-control'] }).toEqual({ status: 403, cache: 'no-store' });
      const noLogin = await t.request('GET', `/api/meetings/${meetingId}`);
      expect({ status: noLogin.status, cache: noLogin.headers['cache-control'] }).toEqual({ status: 401, cache: 'no-store' });
      // Refused by the guard, before any handler: a session cookie without its CSRF token.
      const login = await t.request('POST', '/api/auth/login', { body: { email: members[0].email, password: FIXTURE_PASSWORD } });
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const noCsrf = await t.request('PUT', `/api/meetings/${meetingId}/attendance/${members[0].id}`, { headers: { cookie }, body: { status: 'absent' } });
      expect({ status: noCsrf.status, code: noCsrf.body.code, cache: noCsrf.headers['cache-control'] }).toEqual({ status: 403, code: 'csrf_token_invalid', cache: 'no-store' });
      const published = await t.request('GET', `/api/public/meetings/${meetingId}`);
      expect(published.status).toBe(200);
      expect(published.headers['cache-control']).toBeUndefined();
      expect((await t.request('GET', '/api/health')).headers['cache-control']).toBeUndefined();
    });
  });
});

describe('content security policy and HSTS', () => {
  const directives = (header: string | undefined) => new Map((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

  it('runs no script in answers that carry user text, and sends neither HSTS nor the upgrade over plain HTTP', async () => {
    const t = await startTestApp();
    try {
      const fixtures = await t.fixtures();
      const body = await fixtures.body();
      const { committeeId, secretary } = await fixtures.staffedCommittee({ bodyId: body.id, name: 'Planudvalget', memberCount: 0 });
      const svg = await t.request('GET', `/api/committees/${committeeId}/process-plan.svg`, { token: secretary.token });
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
      for (const res of [svg, await t.request('GET', '/api/public/meetings/3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50/minutes.html'), await t.request('GET', '/api/health')]) {
        const policy = directives(res.headers['content-security-policy']);
        expect(policy.get('default-src')).toEqual(["'none'"]);
        expect(policy.has('script-src')).toBe(false);
        expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
        expect(policy.has('upgrade-insecure-requests')).toBe(false);
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
      const docs = directives((await t.request('GET', '/api/docs-json')).headers['content-security-policy']);
      expect(docs.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(docs.has('upgrade-insecure-requests')).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('sends HSTS and upgrades insecure requests when SERVED_OVER_TLS says the server is reached over HTTPS', async () => {
    const t = await startTestApp({ env: { SERVED_OVER_TLS: 'true' } });
    try {
      for (const path of ['/api/health', '/api/docs-json']) {
        const res = await t.request('GET', path);
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(directives(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
      }
    } finally {
      await t.close();
    }
  });
});

describe('the login limit behind no trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '2', TRUSTED_PROXIES: '' } });
  });
  afterAll(() => t.close());

  it('counts a loopback client by its own address whatever X-Forwarded-For it sends', async () => {
    // Per address the limit is four times the per-account one: 8 here, each attempt a different account and a made-up address.
    const attempt = (i: number) =>
      t.request('POST', '/api/auth/login', { body: { email: `guess-${i}@test.dk`, password: 'guess-1234' }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    for (let i = 0; i < 8; i += 1) expect((await attempt(i)).status).toBe(401);
    const blocked = await attempt(8);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_login_attempts');
  });
});

describe('the login limit behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '2', TRUSTED_PROXIES: '127.0.0.1, ::1' } });
  });
  afterAll(() => t.close());

  it('counts each client by the address the proxy forwards, and the limit holds per address', async () => {
    const attempt = (i: number, ip: string) => t.request('POST', '/api/auth/login', { body: { email: `guess-${i}@test.dk`, password: 'guess-1234' }, headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 8; i += 1) expect((await attempt(i, '203.0.113.7')).status).toBe(401);
    expect((await attempt(8, '203.0.113.7')).status).toBe(429);
    // A client can put its own guess in front; the proxy appends the address it saw, which is the one counted.
    expect((await attempt(9, '198.51.100.1, 203.0.113.7')).status).toBe(429);
    expect((await attempt(10, '203.0.113.8')).status).toBe(401);
  });
});
