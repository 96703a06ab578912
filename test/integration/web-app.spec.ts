import { type AppProcess, FIXTURE_PASSWORD, startTestApp, type TestApp } from '@app/test-kit';

/** A script element that runs what it holds: neither loaded from a file nor data (`type="application/json"`). */
const EXECUTABLE_INLINE_SCRIPT = /<script(?![^>]*\s(?:src=|type="application\/json"))[^>]*>/;

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
      expect(html).not.toMatch(EXECUTABLE_INLINE_SCRIPT);
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

  describe('a meeting page drawn on the server', () => {
    const SECRET = 'LUKKET-TEKST-5521';
    const HOSTILE_TITLE = "Punkt </script><script>alert(1)</script> $' $& $`";
    let meetingId: string;
    let memberCookie: string;
    let outsiderCookie: string;

    const cookieOf = async (email: string) => {
      const response = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: FIXTURE_PASSWORD }) });
      expect(response.status).toBe(200);
      return response.headers.getSetCookie().map((cookie) => cookie.split(';', 1)[0]).join('; ');
    };
    const page = (path: string, cookie?: string) => fetch(`${api.baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
    const answersIn = (html: string) => JSON.parse(html.match(/<script type="application\/json" id="page-answers">(.*?)<\/script>/s)![1]) as { url: string; status: number }[];

    beforeAll(async () => {
      const fixtures = await t.fixtures();
      const { id: bodyId } = await fixtures.body({ name: 'Tegnet Kommune', electionTermStart: '2026-01-01', electionTermEnd: '2029-12-31' });
      const committee = await fixtures.staffedCommittee({ bodyId, name: 'Tegneudvalget', memberCount: 1 });
      const meetings = fixtures.meetings(committee.committeeId, committee.secretary.token);
      let itemIds: string[];
      ({ meetingId, itemIds } = await meetings.publishedMeeting({ startsAt: '2027-03-02T15:00:00+01:00', itemCount: 3, closedItems: [2], closedMarker: SECRET }));
      await t.api.expect(200, 'PATCH', `/api/items/${itemIds[0]}`, { token: committee.secretary.token, body: { title: HOSTILE_TITLE } });
      memberCookie = await cookieOf(committee.members[0].email);
      const outsider = await fixtures.staffedCommittee({ bodyId, name: 'Naboudvalget', memberCount: 1 });
      outsiderCookie = await cookieOf(outsider.members[0].email);
    }, 120_000);

    it('gives a member the agenda drawn, closed item and all, for this browser only, with the answers it was drawn from', async () => {
      const response = await page(`/moeder/${meetingId}`, memberCookie);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('vary')).toMatch(/cookie/i);
      // The answers are in the page: nothing for the browser to preload.
      expect(response.headers.get('link')).toBeNull();
      const html = await response.text();
      const root = html.slice(html.indexOf('<div id="root" inert>'), html.indexOf('<script type="application/json"'));
      expect(root).toContain('aria-label="Dagsordenens punkter"');
      expect(root).toContain(SECRET);
      expect(answersIn(html).map(({ url, status }) => [url, status])).toEqual([
        ['/api/auth/session', 200],
        [`/api/meetings/${meetingId}`, 200],
      ]);
    });

    it('lets no text in the answers end their element or run as a script', async () => {
      const html = await (await page(`/moeder/${meetingId}`, memberCookie)).text();
      expect(html).not.toMatch(EXECUTABLE_INLINE_SCRIPT);
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(JSON.stringify(answersIn(html))).toContain(HOSTILE_TITLE);
      // Drawn as text, once: no `$'` or `$&` in it was read as a replacement pattern when the page was put together.
      expect(html.match(/<div id="root"/g)).toHaveLength(1);
      expect(html).toContain('Punkt &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; $&#x27; $&amp; $`');
    });

    it('draws nothing for someone outside the committee, nor without a session: the app asks, and is refused', async () => {
      for (const cookie of [outsiderCookie, undefined]) {
        const response = await page(`/moeder/${meetingId}`, cookie);
        expect(response.headers.get('cache-control')).toBe('no-cache');
        const html = await response.text();
        expect(html).toContain('<div id="root"></div>');
        expect(html).not.toContain(SECRET);
      }
    });

    it('draws the public meeting page for anyone, the closed item only as "Lukket punkt"', async () => {
      const response = await page(`/offentlig/moeder/${meetingId}`);
      const html = await response.text();
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(html).toContain('Lukket punkt');
      expect(html).not.toContain(SECRET);
      expect(answersIn(html).map(({ url, status }) => [url, status])).toEqual([
        ['/api/auth/session', 401],
        [`/api/public/meetings/${meetingId}`, 200],
      ]);
    });
  });
});
