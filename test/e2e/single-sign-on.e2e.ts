import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import Provider from 'oidc-provider';
import { expectAccessible, expectPageShape, loadKit, type RunningApp, startApp } from './system.js';

const CLIENT = { client_id: 'udvalgsarbejde', client_secret: 'a-client-secret-for-the-loopback-provider' };

test.describe.serial('single sign-on with the municipality’s identity provider', () => {
  let app: RunningApp;
  let provider: Server;
  let meetingId: string;
  let member: { email: string };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const { freePort } = await loadKit();
    const [providerPort, appPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${providerPort}`;
    const appUrl = `http://127.0.0.1:${appPort}`;
    // The provider's own development sign-in pages stand in for the municipality's: a real OpenID provider on loopback.
    const emails: Record<string, string> = {};
    const oidc = new Provider(issuer, {
      clients: [{ ...CLIENT, redirect_uris: [`${appUrl}/api/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      findAccount: (_context, sub) => ({ accountId: sub, claims: () => ({ sub, email: emails[sub], email_verified: true }) }),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['a-cookie-key-for-the-loopback-provider'] },
    });
    provider = oidc.listen(providerPort);
    app = await startApp({ PORT: String(appPort), OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.client_id, OIDC_CLIENT_SECRET: CLIENT.client_secret });
    const { bodyId } = await app.fixtures.committee({ kind: 'standing', name: 'Teknik og Miljø', mandateStart: '2024-01-01', mandateEnd: null });
    const staffed = await app.fixtures.staffedCommittee({ bodyId, name: 'Teknik og Miljø', memberCount: 1 });
    member = staffed.members[0];
    emails['medlem-hos-idp'] = member.email;
    ({ meetingId } = await app.fixtures.meetings(staffed.committeeId, staffed.secretary.token).publishedMeeting({ startsAt: '2027-03-04T16:00:00+01:00', itemCount: 1 }));
  });
  test.afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => (provider ? provider.close(resolve) : resolve(undefined)));
  });

  test('a member signs in with the municipality’s login and lands on the meeting the link pointed to', async ({ page }) => {
    await page.goto(`${app.baseUrl}/moeder/${meetingId}`);
    await expectPageShape(page, 'Log ind');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();

    // The provider's pages: the login, then the consent.
    await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/interaction/`));
    await page.locator('input[name="login"]').fill('medlem-hos-idp');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();

    await expect(page).toHaveURL(`${app.baseUrl}/moeder/${meetingId}`);
    await expectPageShape(page, /^Teknik og Miljø/);
    expect(await page.evaluate(() => ({ local: localStorage.length, cookies: document.cookie }))).toEqual({ local: 0, cookies: '' });
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/log-ind`);
  });
});
