import { expect, test } from '@playwright/test';
import { expectAccessible, expectPageShape, type RunningApp, startApp } from './system.js';

/** Written into the closed item, to look for in the feeds. */
const SECRET = 'FORTROLIGT-FEED-E2E-3318';

test.describe.serial('calendar feeds in a browser', () => {
  let app: RunningApp;
  let meetingId: string;
  let committeeId: string;
  let member: { email: string };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startApp();
    const { bodyId } = await app.fixtures.committee({ kind: 'standing', name: 'Udvalg for lighed i sundhed', mandateStart: '2024-01-01', mandateEnd: null });
    const staffed = await app.fixtures.staffedCommittee({ bodyId, name: 'Social Omsorg', memberCount: 1 });
    committeeId = staffed.committeeId;
    member = staffed.members[0];
    ({ meetingId } = await app.fixtures.meetings(committeeId, staffed.secretary.token).publishedMeeting({
      startsAt: '2027-02-05T09:30:00+01:00',
      endsAt: '2027-02-05T12:00:00+01:00',
      itemCount: 2,
      closedItems: [2],
      closedMarker: SECRET,
    }));
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('a member makes a calendar subscription on the Forside, and the address gives their meeting', async ({ page, request }) => {
    await page.goto(`${app.baseUrl}/log-ind`);
    await page.getByLabel('E-mail').fill(member.email);
    await page.getByLabel('Adgangskode').fill('fixture-password-123');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expectPageShape(page, 'Forside');
    await expect(page.getByRole('heading', { name: 'Kalenderabonnement' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Opret kalenderabonnement' }).click();
    await expect(page.getByText('Dit kalenderabonnement er oprettet.')).toBeVisible();
    const url = await page.getByLabel('Adresse til din kalender').inputValue();
    expect(url).toMatch(new RegExp(`^${app.baseUrl}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await expectAccessible(page);

    // A calendar application fetches it without the browser's session (this request context has none).
    const feed = await request.get(url);
    expect(feed.status()).toBe(200);
    const text = (await feed.text()).replace(/\r\n /g, '');
    expect(text).toContain(`UID:meeting-${meetingId}@127.0.0.1`);
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).not.toContain(SECRET);

    await page.getByRole('button', { name: 'Forny adressen' }).click();
    await expect(page.getByText('Adressen er fornyet. Den gamle adresse virker ikke længere.')).toBeVisible();
    const renewed = await page.getByLabel('Adresse til din kalender').inputValue();
    expect(renewed).not.toBe(url);
    expect((await request.get(url)).status()).toBe(404);
    expect((await request.get(renewed)).status()).toBe(200);

    await page.reload();
    await expect(page.getByText(/^Du har et kalenderabonnement, oprettet /)).toBeVisible();
    await page.getByRole('button', { name: 'Stop abonnement' }).click();
    await expect(page.getByText('Dit kalenderabonnement er stoppet. Adressen virker ikke længere.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Opret kalenderabonnement' })).toBeVisible();
    expect((await request.get(renewed)).status()).toBe(404);
    await expectAccessible(page);
  });

  test('a citizen finds "Abonnér på udvalgets møder" on the public meeting page and the portal', async ({ page, request }) => {
    await page.goto(`${app.baseUrl}/offentlig/moeder/${meetingId}`);
    await expectPageShape(page, /^Dagsorden: Social Omsorg/);
    const link = page.getByRole('link', { name: 'Abonnér på udvalgets møder' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/public/committees/${committeeId}/calendar.ics`);
    await expectAccessible(page);
    const feed = await request.get(`${app.baseUrl}${href}`);
    expect(feed.status()).toBe(200);
    const text = (await feed.text()).replace(/\r\n /g, '');
    expect(text).toContain(`UID:meeting-${meetingId}@127.0.0.1`);
    expect(text).toContain('X-WR-CALNAME:Social Omsorg: møder');
    expect(text).not.toContain(SECRET);

    await page.goto(`${app.baseUrl}/offentlig?udvalg=${committeeId}`);
    await expect(page.getByRole('link', { name: 'Abonnér på udvalgets møder' })).toHaveAttribute('href', href!);
    await expectAccessible(page);
  });
});
