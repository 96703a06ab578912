import { type AppProcess, startTestApp, type TestApp } from '@app/test-kit';

/** The web application as the built API serves it (Jest cannot load the static-file server in process). */
describe('the web application served by the API at /', () => {
  let t: TestApp;
  let api: AppProcess;

  beforeAll(async () => {
    t = await startTestApp();
    api = await t.startProcess('api');
  }, 300_000);
  afterAll(() => t.close());

  const get = (path: string) => fetch(`${api.baseUrl}${path}`);

  it.each(['/', '/log-ind?naeste=%2Fmoeder%2Fx', '/offentlig', '/offentlig/moeder/7f1c0e1e-2f1d-4c55-9d38-8d1f2b9f3a11', '/moeder/x/dagsorden', '/kommissorier/x', '/ny-adgangskode?token=abc', '/udvalg', '/udvalg/nyt', '/udvalg/x/kommissorium', '/udvalg/x/procesplan', '/personer/ny'])(
    'answers %s with the app, in Danish, under a policy that runs no inline script',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('<html lang="da">');
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('names the reads a page starts with for the browser to preload: the session, and on a meeting page the meeting', async () => {
    const meetingId = '7f1c0e1e-2f1d-4c55-9d38-8d1f2b9f3a11';
    const session = '</api/auth/session>; rel=preload; as=fetch; crossorigin=use-credentials';
    const links = async (path: string, cookie?: string) => (await fetch(`${api.baseUrl}${path}`, { headers: cookie ? { cookie } : {} })).headers.get('link');
    const signedIn = 'session=any-session-token';
    expect(await links(`/moeder/${meetingId}`, signedIn)).toBe(`${session}, </api/meetings/${meetingId}>; rel=preload; as=fetch; crossorigin=use-credentials`);
    expect(await links(`/moeder/${meetingId}/dagsorden`, signedIn)).toBe(`${session}, </api/meetings/${meetingId}>; rel=preload; as=fetch; crossorigin=use-credentials`);
    expect(await links(`/offentlig/moeder/${meetingId}`)).toBe(`${session}, </api/public/meetings/${meetingId}>; rel=preload; as=fetch; crossorigin=use-credentials`);
    expect(await links('/offentlig')).toBe(session);
    // An address that names no meeting preloads no read of one.
    expect(await links('/moeder/x', signedIn)).toBe(session);
    // Without a session the member's read would be refused, and the browser could hand that refusal to the app's
    // first read of the meeting once the visitor has logged in: it is not preloaded.
    expect(await links(`/moeder/${meetingId}`)).toBe(session);
  });

  it('serves the hashed script the page loads, cached for good', async () => {
    const html = await (await get('/')).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const response = await get(script!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves /api alone: an unknown API path and a path that is no page stay JSON 404s without script', async () => {
    for (const path of ['/api/nothing-here', '/api/offentlig', '/not-a-page']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
