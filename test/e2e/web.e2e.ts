import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, expectPageShape, keepScreenshot, type RunningApp, startApp } from './system.js';

/** Written into every field of the closed item, to look for where it must never appear. */
const SECRET = 'FORTROLIGT-E2E-7731';

test.describe.serial('the web application in a browser', () => {
  let app: RunningApp;
  let meetingId: string;
  let member: { id: string; email: string; name: string };
  let secretary: { email: string };
  let secretaryToken: string;
  let bodyId: string;
  let socialCommitteeId: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startApp();
    ({ bodyId } = await app.fixtures.committee({ kind: 'standing', name: 'Udvalg for lighed i sundhed', mandateStart: '2024-01-01', mandateEnd: null }));
    const staffed = await app.fixtures.staffedCommittee({ bodyId, name: 'Social Omsorg', memberCount: 2 });
    member = staffed.members[0];
    secretary = staffed.secretary;
    secretaryToken = staffed.secretary.token;
    socialCommitteeId = staffed.committeeId;
    const meetings = app.fixtures.meetings(staffed.committeeId, secretaryToken);
    ({ meetingId } = await meetings.publishedMeeting({
      startsAt: '2027-02-05T09:30:00+01:00',
      endsAt: '2027-02-05T12:00:00+01:00',
      itemCount: 3,
      closedItems: [2],
      closedMarker: SECRET,
    }));
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('a citizen finds the published agenda on /offentlig and reads no closed text', async ({ page }) => {
    await page.goto(`${app.baseUrl}/offentlig`);
    await expectPageShape(page, 'Offentlige dagsordener og referater');
    await expectAccessible(page);

    await page.getByLabel('Udvalg').selectOption({ label: 'Social Omsorg' });
    await page.getByLabel('Fra dato').fill('2027-02-01');
    await page.getByLabel('Til dato').fill('2027-02-28');
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'fundet' })).toHaveText('Ét møde fundet.');
    await page.getByRole('link', { name: /Social Omsorg/ }).click();

    await expectPageShape(page, /^Dagsorden: Social Omsorg/);
    await expect(page.getByText('fredag den 5. februar 2027 kl. 9.30-12.00')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Punkt 1: Punkt 1: Status på indsatsen for udsatte borgere' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Punkt 2: Lukket punkt: Personalesag' })).toBeVisible();
    expect(await page.locator('body').innerText()).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);
    await expectAccessible(page);
    await keepScreenshot(page, 'offentlig-dagsorden');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent samlet dagsorden (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('dagsorden-social-omsorg-2027-02-05-offentlig.pdf');
    const pdfText = (await app.kit.pdfPages(await readFile(await download.path()))).join('\n');
    expect(pdfText).toContain('Lukket punkt');
    expect(pdfText).not.toContain(SECRET);

    await page.getByLabel('Udvalg').count();
    await page.goto(`${app.baseUrl}/offentlig?udvalg=00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole('status').filter({ hasText: 'fundet' })).toHaveText('0 møder fundet.');
  });

  test('a citizen reads a committee’s many meetings ten at a time, "Vis flere" bringing the rest', async ({ page }) => {
    const technical = await app.fixtures.staffedCommittee({ bodyId, name: 'Teknik og Miljø', memberCount: 0 });
    const meetings = app.fixtures.meetings(technical.committeeId, technical.secretary.token);
    for (let day = 1; day <= 11; day++) {
      const date = `2027-03-${String(day).padStart(2, '0')}`;
      await meetings.publishedMeeting({ startsAt: `${date}T09:00:00+01:00`, endsAt: `${date}T10:00:00+01:00`, itemCount: 1 });
    }
    await page.goto(`${app.baseUrl}/offentlig`);
    await page.getByLabel('Udvalg').selectOption({ label: 'Teknik og Miljø' });
    await page.getByRole('button', { name: 'Søg' }).click();
    const found = page.getByRole('status').filter({ hasText: /fundet|vises/ });
    await expect(found).toHaveText('De første 10 møder vises.');
    await expect(page.getByRole('link', { name: /Teknik og Miljø/ })).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await expect(found).toHaveText('11 møder fundet.');
    await expect(page.getByRole('link', { name: /Teknik og Miljø/ })).toHaveCount(11);
    await expect(page.getByRole('button', { name: 'Vis flere' })).toHaveCount(0);
  });

  test('a member follows the link in the agenda e-mail, logs in, reads the closed item and reports afbud (the secretary is told), then withdraws it', async ({ page }) => {
    const mailsTo = async (address: string, subject: RegExp) =>
      (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(address) && subject.test(mail.subject ?? ''));
    await app.kit.waitUntil(async () => (await mailsTo(member.email, /^Dagsorden/)).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'no agenda e-mail');
    const [agendaMail] = await mailsTo(member.email, /^Dagsorden/);
    const link = `${agendaMail.text ?? ''}`.match(/https?:\/\/\S+\/moeder\/[0-9a-f-]{36}/)?.[0];
    expect(link, agendaMail.text).toBe(`${app.baseUrl}/moeder/${meetingId}`);
    await page.goto(link!);
    await expect(page).toHaveURL(new RegExp(`/log-ind\\?naeste=%2Fmoeder%2F${meetingId}$`));
    await expectPageShape(page, 'Log ind');
    await expect(page.getByRole('link', { name: 'Glemt adgangskode' })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, 'log-ind');

    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('alert').getByRole('heading', { name: 'Der er problemer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skriv din e-mail.' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('E-mail').fill(member.email);
    await page.getByLabel('Adgangskode').fill('forkert-adgangskode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('link', { name: 'E-mail eller adgangskode er forkert.' })).toBeVisible();

    await page.getByLabel('Adgangskode').fill('fixture-password-123');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/moeder/${meetingId}`);
    await expectPageShape(page, /^Social Omsorg/);
    expect(await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }))).toEqual({ local: 0, session: 0, cookies: '' });

    const closedItem = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`Punkt 2: .*${SECRET}`) }) });
    await expect(closedItem.getByText('Lukket punkt', { exact: true })).toBeVisible();
    await expect(closedItem.getByRole('heading', { name: 'Indstilling' })).toBeVisible();
    await expect(closedItem.getByText(`Direktionen indstiller, at udvalget tager orienteringen til efterretning og drøfter prioriteringen. ${SECRET}`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hent kalenderinvitation' })).toHaveAttribute('href', `/api/meetings/${meetingId}/invite.ics`);
    await expectAccessible(page);
    await keepScreenshot(page, 'moedet');

    await page.getByRole('button', { name: 'Meld afbud' }).click();
    await expect(page.getByText('Dit afbud er meldt.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Fortryd afbud' })).toBeVisible();
    const recorded = await app.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: secretaryToken });
    expect(recorded.attendance.find((row: { personId: string }) => row.personId === member.id).status).toBe('absent');
    const afbud = new RegExp(`^Afbud: ${member.name}$`);
    await app.kit.waitUntil(async () => (await mailsTo(secretary.email, afbud)).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'the secretary was not told of the afbud');
    expect((await mailsTo(secretary.email, afbud))[0].text).toContain(`${app.baseUrl}/moeder/${meetingId}`);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Fortryd afbud' }).click();
    await expect(page.getByText('Dit afbud er fortrudt.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Meld afbud' })).toBeVisible();

    // Opened again, the page comes drawn by the server; the app takes it over without drawing it anew (React reports
    // any difference as an error) and its buttons work.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const drawn = await page.goto(`${app.baseUrl}/moeder/${meetingId}`);
    expect(await drawn!.text()).toContain(`Direktionen indstiller, at udvalget tager orienteringen til efterretning og drøfter prioriteringen. ${SECRET}`);
    await expectPageShape(page, /^Social Omsorg/);
    await page.getByRole('button', { name: 'Meld afbud' }).click();
    await expect(page.getByText('Dit afbud er meldt.')).toBeVisible();
    await page.getByRole('button', { name: 'Fortryd afbud' }).click();
    await expect(page.getByText('Dit afbud er fortrudt.')).toBeVisible();
    await expectAccessible(page);
    expect(problems).toEqual([]);

    await page.getByRole('link', { name: 'Dagsorden til udskrift' }).click();
    await expectPageShape(page, /^Dagsorden: Social Omsorg/);
    await expect(page.getByRole('heading', { name: new RegExp(`Punkt 2: .*${SECRET}`) })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Forside' }).click();
    await expectPageShape(page, 'Forside');
    await expect(page.getByRole('region', { name: 'Mine kommende møder' }).getByRole('link', { name: /Social Omsorg/ })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, 'forside');

    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/log-ind`);
    await page.goto(`${app.baseUrl}/moeder/${meetingId}`);
    await expect(page).toHaveURL(/\/log-ind\?naeste=/);
  });

  test('the secretary records a sigtepunkt on "Den røde tråd", ticks it on the committee\'s page, and the red thread shows the committee', async ({ page }) => {
    await page.goto(`${app.baseUrl}/log-ind?naeste=${encodeURIComponent(`/myndigheder/${bodyId}/strategi`)}`);
    await page.getByLabel('E-mail').fill(secretary.email);
    await page.getByLabel('Adgangskode').fill('fixture-password-123');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expectPageShape(page, 'Den røde tråd: Hedensted Kommune');
    await expect(page.getByText('Der er ingen sigtepunkter endnu.')).toBeVisible();
    await page.getByLabel('Titel').fill('Vækst i balance');
    await page.getByRole('button', { name: 'Opret sigtepunkt' }).click();
    await expect(page.getByText('Sigtepunktet "Vækst i balance" er oprettet.')).toBeVisible();
    await expect(page.getByRole('heading', { name: '1. Vækst i balance' })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`${app.baseUrl}/udvalg/${socialCommitteeId}`);
    await page.getByRole('group', { name: 'Sigtepunkter' }).getByLabel('Vækst i balance').check();
    await page.getByRole('button', { name: 'Gem sigtepunkter' }).click();
    await expect(page.getByText('Sigtepunkterne er gemt.')).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Den røde tråd: myndighedens sigtepunkter' }).click();
    const aim = page.getByRole('region', { name: '1. Vækst i balance' });
    await expect(aim.getByRole('link', { name: 'Social Omsorg' })).toBeVisible();
    await keepScreenshot(page, 'den-roede-traad');
  });

  test('login sends the reader only to a path on this site', async ({ page }) => {
    await page.goto(`${app.baseUrl}/log-ind?naeste=${encodeURIComponent('//evil.example/')}`);
    await page.getByLabel('E-mail').fill(member.email);
    await page.getByLabel('Adgangskode').fill('fixture-password-123');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/`);
    await expectPageShape(page, 'Forside');
  });
});

test.describe.serial('the kommissorium, the minutes and passwords', () => {
  let app: RunningApp;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startApp();
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('returns a version with a required comment, then approves the next', async ({ page }) => {
    const { bodyId } = await app.fixtures.committee({ kind: 'standing', name: 'Økonomiudvalget', mandateStart: '2024-01-01', mandateEnd: null });
    const staffed = await app.fixtures.staffedCommittee({ bodyId, name: 'Udvalg for nytænkning', memberCount: 1 });
    const secretary = { token: staffed.secretary.token };
    const director = { email: `direktoer-${Date.now()}@e2e.example.dk`, password: 'direktoer-adgangskode-1' };
    await app.api.expect(201, 'POST', '/api/people', {
      token: app.fixtures.adminToken,
      body: { name: 'Dorte Direktør', email: director.email, roles: ['director'], bodyIds: [bodyId], password: director.password },
    });
    const commission = await app.api.expect(201, 'POST', `/api/committees/${staffed.committeeId}/commissions`, {
      token: secretary.token,
      body: { title: 'Kommissorium for nytænkning', purpose: 'Udvalget skal nytænke socialområdet.', themes: ['Partnerskaber'] },
    });
    await app.api.expect(200, 'POST', `/api/commissions/${commission.id}/transitions`, { token: secretary.token, body: { event: 'submit' } });

    const awaiting = async () =>
      (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(director.email) && mail.subject === 'Kommissorium afventer din godkendelse');
    await app.kit.waitUntil(async () => (await awaiting()).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'the director was not told of the kommissorium');
    const link = `${(await awaiting())[0].text ?? ''}`.match(/https?:\/\/\S+\/kommissorier\/[0-9a-f-]{36}/)?.[0];
    expect(link).toBe(`${app.baseUrl}/kommissorier/${commission.id}`);
    await page.goto(link!);
    await expect(page).toHaveURL(new RegExp(`/log-ind\\?naeste=%2Fkommissorier%2F${commission.id}$`));
    await page.getByLabel('E-mail').fill(director.email);
    await page.getByLabel('Adgangskode').fill(director.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/kommissorier/${commission.id}`);
    await expectPageShape(page, 'Kommissorium: Kommissorium for nytænkning');
    await expect(page.getByText('Udvalget skal nytænke socialområdet.')).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, 'kommissorium');

    await page.getByRole('button', { name: 'Send tilbage' }).click();
    await expect(page.getByRole('link', { name: 'Skriv en kommentar, når du sender kommissoriet tilbage.' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Kommentar').fill('Tilføj leverancerne.');
    await page.getByRole('button', { name: 'Send tilbage' }).click();
    await expect(page.getByText('Kommissoriet er sendt tilbage til sekretariatet.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Historik' })).toContainText('Sendt tilbage af Dorte Direktør – kommentar: Tilføj leverancerne.');
    expect((await app.api.expect(200, 'GET', `/api/commissions/${commission.id}`, { token: secretary.token })).state).toBe('draft');

    const draft = await app.api.expect(200, 'GET', `/api/commissions/${commission.id}`, { token: secretary.token });
    await app.api.expect(200, 'PATCH', `/api/commissions/${commission.id}`, { token: secretary.token, body: { deliverables: 'Anbefalinger i 4. kvt. 2025', rowVersion: draft.rowVersion } });
    await app.api.expect(200, 'POST', `/api/commissions/${commission.id}/transitions`, { token: secretary.token, body: { event: 'submit' } });

    await page.getByRole('link', { name: 'Forside' }).click();
    await expectPageShape(page, 'Forside');
    await page.getByRole('region', { name: 'Kommissorier, der afventer din godkendelse' }).getByRole('link', { name: 'Kommissorium for nytænkning' }).click();
    await expect(page.getByText('Anbefalinger i 4. kvt. 2025')).toBeVisible();
    await page.getByRole('button', { name: 'Godkend' }).click();
    await expect(page.getByText('Kommissoriet er godkendt.')).toBeVisible();
    expect((await app.api.expect(200, 'GET', `/api/commissions/${commission.id}`, { token: secretary.token })).state).toBe('approved');
    await expectAccessible(page);
  });

  test('the chair approves the minutes from the Forside; a member then signs them from the e-mail that asks for it', async ({ page }) => {
    const { bodyId } = await app.fixtures.committee({ kind: 'standing', name: 'Kulturudvalget', mandateStart: '2024-01-01', mandateEnd: null });
    const staffed = await app.fixtures.staffedCommittee({ bodyId, name: 'Udvalg for fællesskab', memberCount: 1 });
    const [member] = staffed.members;
    const meetings = app.fixtures.meetings(staffed.committeeId, staffed.secretary.token);
    const { meetingId } = await meetings.heldMeeting({ ...app.kit.PAST_MEETING, itemCount: 2 });
    for (const person of [staffed.chair, member]) await meetings.attendance(meetingId, person.id, 'present');
    await app.api.expect(202, 'POST', `/api/meetings/${meetingId}/minutes`, { token: staffed.secretary.token, body: {} });
    await app.kit.waitUntil(
      async () => (await app.api.request('GET', `/api/meetings/${meetingId}/minutes`, { token: staffed.secretary.token })).body?.state === 'ready',
      { timeoutMs: 60_000, intervalMs: 250 },
      () => 'the minutes were not assembled within a minute',
    );

    const logIn = async (email: string) => {
      await page.goto(`${app.baseUrl}/log-ind`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Adgangskode').fill('fixture-password-123');
      await page.getByRole('button', { name: 'Log ind' }).click();
      await expectPageShape(page, 'Forside');
    };
    await logIn(staffed.chair.email);
    await page.getByRole('region', { name: 'Referater, der afventer din godkendelse' }).getByRole('link', { name: /Udvalg for fællesskab/ }).click();
    await page.getByRole('button', { name: 'Godkend referatet' }).click();
    await expect(page.getByText('Du har godkendt referatet.', { exact: false })).toBeVisible();
    expect((await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: staffed.secretary.token })).workflowState).toBe('approved');
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/log-ind`);

    await logIn(member.email);
    await expect(page.getByRole('region', { name: 'Referater, der afventer din underskrift' }).getByRole('link', { name: /Udvalg for fællesskab/ })).toBeVisible();
    // The member signs from the e-mail that asks for the signature.
    const asked = async () =>
      (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(member.email) && mail.subject === 'Referatet afventer din underskrift');
    await app.kit.waitUntil(async () => (await asked()).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'the member was not asked to sign');
    const link = `${(await asked())[0].text ?? ''}`.match(/https?:\/\/\S+\/moeder\/[0-9a-f-]{36}/)?.[0];
    expect(link).toBe(`${app.baseUrl}/moeder/${meetingId}`);
    await page.goto(link!);
    await expectPageShape(page, /^Udvalg for fællesskab/);
    await expect(page.getByRole('link', { name: 'Referatet som PDF' })).toHaveAttribute('href', `/api/meetings/${meetingId}/minutes.pdf`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Underskriv referatet' }).click();
    await expect(page.getByText('Du har underskrevet referatet.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Underskriv referatet' })).toHaveCount(0);
    const minutes = await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: staffed.secretary.token });
    expect(minutes.signatures.signatories.find((row: { personId: string }) => row.personId === member.id)).toMatchObject({ signedAt: expect.any(String) });
  });

  test('a person resets the password through the e-mailed link, then changes it when logged in', async ({ page }) => {
    const person = await app.fixtures.person({ name: 'Rikke Reset', login: true });
    const mailsTo = async (address: string) => (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(address));
    // The welcome e-mail goes first; the test reads only what comes after it.
    await app.kit.waitUntil(async () => (await mailsTo(person.email)).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'no welcome e-mail');
    app.smtp.clear();

    await page.goto(`${app.baseUrl}/log-ind`);
    await page.getByRole('link', { name: 'Glemt adgangskode' }).click();
    await expectPageShape(page, 'Glemt adgangskode');
    await expectAccessible(page);
    await page.getByLabel('E-mail').fill(person.email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await expect(page.getByText(/har vi sendt en e-mail med et link/)).toBeVisible();

    await app.kit.waitUntil(async () => (await mailsTo(person.email)).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'no reset e-mail');
    const [mail] = await mailsTo(person.email);
    const link = `${mail.text ?? ''}`.match(/https?:\/\/\S+\/ny-adgangskode\?token=[^\s>"]+/)?.[0];
    expect(link, mail.text).toMatch(new RegExp(`^${app.baseUrl}/ny-adgangskode\\?token=`));

    await page.goto(link!);
    await expectPageShape(page, 'Ny adgangskode');
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('kort');
    await page.getByLabel('Gentag ny adgangskode').fill('kort');
    await page.getByRole('button', { name: 'Gem adgangskode' }).click();
    await expect(page.getByRole('alert').getByRole('heading', { name: 'Der er problemer' })).toBeVisible();
    await expectAccessible(page);
    const chosen = 'blæksprutte havregryn cykelhjelm';
    await page.getByLabel('Ny adgangskode', { exact: true }).fill(chosen);
    await page.getByLabel('Gentag ny adgangskode').fill(chosen);
    await page.getByRole('button', { name: 'Gem adgangskode' }).click();
    await expect(page.getByText('Din adgangskode er gemt.')).toBeVisible();

    await page.getByRole('main').getByRole('link', { name: 'Log ind' }).click();
    await page.getByLabel('E-mail').fill(person.email);
    await page.getByLabel('Adgangskode').fill(chosen);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expectPageShape(page, 'Forside');

    await page.getByRole('link', { name: 'Skift adgangskode' }).click();
    await expectPageShape(page, 'Skift adgangskode');
    await expectAccessible(page);
    await page.getByLabel('Nuværende adgangskode').fill(chosen);
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('solsikke mariehøne postkasse');
    await page.getByLabel('Gentag ny adgangskode').fill('solsikke mariehøne postkasse');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect(page.getByText('Din adgangskode er skiftet.')).toBeVisible();
    expect(await app.api.login(person.email, 'solsikke mariehøne postkasse')).toEqual(expect.any(String));
  });
});
