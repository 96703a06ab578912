import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { ADMIN, freePort, startTestApp, type TestApp } from '@app/test-kit';

const PUBLIC_BASE_URL = 'https://udvalg.example.dk';
const CLIENT = { client_id: 'udvalgsarbejde', client_secret: 'a-client-secret-for-the-loopback-provider' };

/**
 * A browser's walk through the provider's own (development) sign-in pages: follows redirects on the provider, keeps
 * its cookies, submits each form (the login as `accountId`, then the consent), and stops at the redirect back to us.
 */
async function signInAtProvider(start: string, issuer: string, accountId: string): Promise<URL> {
  const jar = new Map<string, string>();
  let request: { url: string; method: string; body?: URLSearchParams } = { url: start, method: 'GET' };
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '), ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: request.body,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (!next.href.startsWith(issuer)) return next;
      request = { url: next.href, method: 'GET' };
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`the provider answered ${response.status} without a form or redirect: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const [, name, value] of form[2].matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(name, value);
    if (/name="login"/.test(form[2])) {
      fields.set('login', accountId);
      fields.set('password', 'any');
    }
    request = { url: new URL(form[1], request.url).href, method: 'POST', body: fields };
  }
  throw new Error('the sign-in at the provider did not finish');
}

describe('single sign-on with an OpenID Connect provider on loopback', () => {
  let provider: Server;
  let issuer: string;
  let t: TestApp;
  const emails: Record<string, string> = { 'admin-at-idp': ADMIN.email, 'stranger-at-idp': 'fremmed@andetsteds.dk' };

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    const oidc = new Provider(issuer, {
      clients: [{ ...CLIENT, redirect_uris: [`${PUBLIC_BASE_URL}/api/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      findAccount: (_context, sub) => ({ accountId: sub, claims: () => ({ sub, email: emails[sub], email_verified: true }) }),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['a-cookie-key-for-the-loopback-provider'] },
    });
    provider = oidc.listen(port);
    t = await startTestApp({ env: { PUBLIC_BASE_URL, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.client_id, OIDC_CLIENT_SECRET: CLIENT.client_secret } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => provider.close(resolve));
  });

  /** As a browser asks the API, seeing its redirects rather than following them. */
  const browserGet = async (path: string, cookie?: string) => {
    const response = await fetch(`${t.baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    const text = await response.text();
    return { status: response.status, location: response.headers.get('location'), setCookie: response.headers.getSetCookie().join(', '), body: text ? JSON.parse(text) : undefined };
  };
  const startSignIn = async (next: string) => {
    const start = await browserGet(`/api/auth/oidc/login?naeste=${encodeURIComponent(next)}`);
    expect(start.status).toBe(302);
    expect(start.location).toMatch(new RegExp(`^${issuer}/auth\\?`));
    expect(start.setCookie).toMatch(/oidc_login=[^;]+; Path=\/api\/auth\/oidc; Max-Age=600; HttpOnly; SameSite=Lax/);
    const stateCookie = /oidc_login=([^;]+)/.exec(start.setCookie)![1];
    return { location: start.location!, stateCookie };
  };
  const callback = (url: URL, stateCookie?: string) => browserGet(`${url.pathname}${url.search}`, stateCookie ? `oidc_login=${stateCookie}` : undefined);

  it('says that single sign-on is offered', async () => {
    expect(await t.request('GET', '/api/auth/oidc')).toMatchObject({ status: 200, body: { enabled: true } });
  });

  it('signs a person in by the e-mail the provider proves, with the same session cookie, landing where the link pointed', async () => {
    const { location, stateCookie } = await startSignIn('/moeder/123?fra=mail');
    const back = await signInAtProvider(location, issuer, 'admin-at-idp');
    expect(back.href.startsWith(`${PUBLIC_BASE_URL}/api/auth/oidc/callback?`)).toBe(true);
    const signedIn = await callback(back, stateCookie);
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe('/moeder/123?fra=mail');
    expect(signedIn.setCookie).toMatch(/session=[^;]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax/);
    const cookie = /(?:^|,\s*)(session=[^;]+)/.exec(signedIn.setCookie)![1];
    const session = await t.request('GET', '/api/auth/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.body.person.email).toBe(ADMIN.email);
    // The same session as a password login: it ends by logout.
    expect((await t.request('POST', '/api/auth/logout', { headers: { cookie, 'x-csrf-token': session.body.csrfToken } })).status).toBe(204);
    expect((await t.request('GET', '/api/auth/session', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses an e-mail nobody here has a login for, a callback without the state cookie, and a code used twice', async () => {
    const stranger = await startSignIn('/');
    const refused = await callback(await signInAtProvider(stranger.location, issuer, 'stranger-at-idp'), stranger.stateCookie);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('oidc_sign_in_failed');
    expect(refused.setCookie).not.toMatch(/session=/);

    const { location, stateCookie } = await startSignIn('/');
    const back = await signInAtProvider(location, issuer, 'admin-at-idp');
    expect((await callback(back)).body.code).toBe('oidc_sign_in_failed');
    expect((await callback(back, stateCookie)).status).toBe(302);
    expect((await callback(back, stateCookie)).status).toBe(401);
  });

  it('lands only on a path of this site', async () => {
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const { location, stateCookie } = await startSignIn(next);
      const signedIn = await callback(await signInAtProvider(location, issuer, 'admin-at-idp'), stateCookie);
      expect(signedIn.location).toBe('/');
    }
  });
});

describe('without OIDC_ISSUER', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('says single sign-on is not offered, and answers 404 oidc_not_configured', async () => {
    expect(await t.request('GET', '/api/auth/oidc')).toMatchObject({ status: 200, body: { enabled: false } });
    const res = await t.request('GET', '/api/auth/oidc/login');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('oidc_not_configured');
  });
});
