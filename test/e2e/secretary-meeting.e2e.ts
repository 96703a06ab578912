import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, expectPageShape, type RunningApp, startApp } from './system.js';

/** Written into the closed item, to look for where it must never appear. */
const SECRET = 'FORTROLIGT-SEKRETAER-4412';
const PASSWORD = 'fixture-password-123';

/** Logs in on the page "Log ind" and lands on `path`. */
async function logIn(page: Page, app: RunningApp, email: string, path: string): Promise<void> {
  await page.goto(`${app.baseUrl}/log-ind?naeste=${encodeURIComponent(path)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(`${app.baseUrl}${path}`);
}

interface Staff {
  id: string;
  name: string;
  email: string;
  token: string;
}

test.describe.serial('the secretary prepares, holds and minutes a meeting in the browser', () => {
  let app: RunningApp;
  let committeeId: string;
  let secretary: Staff;
  let chair: Staff;
  let members: Staff[];
  let meetingId: string;
  let financeMeetingId: string;
  /** A member whose mail server refuses the agenda for good, until the test lets it through. */
  let refusedMember: Staff;
  const refusing = new Set<string>();

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // Each minutes assembly waits a moment before it renders, so the page shows its progress.
    app = await startApp({ MINUTES_ASSEMBLY_HOLD_MS: '2000' }, { refusesForGood: (address) => refusing.has(address) });
    const finance = await app.fixtures.committee({ kind: 'finance', name: 'Økonomiudvalget', mandateStart: '2024-01-01', mandateEnd: null });
    const staffed = await app.fixtures.staffedCommittee({ bodyId: finance.bodyId, name: 'Social- og Sundhedsudvalget', memberCount: 2 });
    ({ committeeId, secretary, chair, members } = staffed);
    refusedMember = await app.fixtures.member(committeeId, 'member', { name: 'Medlem med afvisende postkasse' });
    refusing.add(refusedMember.email);
    // Økonomiudvalget receives the committee's cases, and has a meeting ahead to receive them at.
    await app.api.expect(200, 'PUT', `/api/committees/${finance.id}/referral-sources/${committeeId}`, { token: app.fixtures.adminToken });
    const financeSecretary = await app.fixtures.member(finance.id, 'secretary');
    financeMeetingId = await app.fixtures.meetings(finance.id, financeSecretary.token).meeting({ startsAt: '2027-04-12T15:00:00+02:00', endsAt: '2027-04-12T17:00:00+02:00' });
  });
  test.afterAll(async () => {
    await app?.close();
  });

  const meetingRead = async () => app.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: secretary.token });

  test('Nyt møde, then the agenda builder: items with every section, a closed one, Bilag, the standing items, Klar til dagsorden, Udsend dagsorden', async ({ page }) => {
    await logIn(page, app, secretary.email, `/udvalg/${committeeId}/moeder/nyt`);
    await expectPageShape(page, 'Nyt møde');
    await expect(page.getByText('Social- og Sundhedsudvalget', { exact: true })).toBeVisible();
    await expectAccessible(page);

    // A refusal on the page, then one from the API (the end before the start), each next to its field; nothing typed is lost.
    await page.getByRole('button', { name: 'Opret møde' }).click();
    await expect(page.getByRole('link', { name: 'Vælg mødets dato.' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Dato').fill('2025-03-04');
    await page.getByLabel('Start', { exact: true }).fill('14:00');
    await page.getByLabel('Slut', { exact: true }).fill('13:00');
    await page.getByLabel('Sted').fill('Rådhuset, Byrådssalen');
    await page.getByLabel('Titel').fill('Ordinært møde marts');
    await page.getByRole('button', { name: 'Opret møde' }).click();
    await expect(page.locator('#slut-error')).toHaveText('Fejl: Mødet skal slutte efter, det begynder.');
    await expect(page.getByLabel('Sted')).toHaveValue('Rådhuset, Byrådssalen');
    await page.getByLabel('Slut', { exact: true }).fill('17:00');
    await page.getByRole('button', { name: 'Opret møde' }).click();

    await expect(page).toHaveURL(/\/moeder\/[0-9a-f-]{36}\/forberedelse$/);
    meetingId = page.url().match(/moeder\/([0-9a-f-]{36})/)![1];
    await expectPageShape(page, 'Forberedelse: Social- og Sundhedsudvalget: Ordinært møde marts');
    await expect(page.getByText('tirsdag den 4. marts 2025 kl. 14.00-17.00')).toBeVisible();
    const created = await meetingRead();
    expect(created).toMatchObject({ startsAt: '2025-03-04T13:00:00.000Z', endsAt: '2025-03-04T16:00:00.000Z', location: 'Rådhuset, Byrådssalen', title: 'Ordinært møde marts', state: 'planned' });
    await expectAccessible(page);

    const addForm = page.getByRole('region', { name: 'Tilføj punkt' });
    // A time slot outside the meeting is refused by the API; the field shows why and the text stays.
    await addForm.getByLabel('Titel').fill('Budgetopfølgning 1. kvartal');
    await addForm.getByLabel('Sagsnummer').fill('00.30.00-S00-1-25');
    await addForm.getByLabel('Fra kl.').fill('18:00');
    await addForm.getByLabel('Til kl.').fill('18:30');
    await addForm.getByLabel('Resume').fill('Udvalget orienteres om forbruget i første kvartal.');
    await addForm.getByLabel('Indstilling').fill('Direktionen indstiller, at orienteringen tages til efterretning.');
    await addForm.getByLabel('Sagsfremstilling').fill('Forbruget ligger på niveau med budgettet.');
    await addForm.getByRole('button', { name: 'Tilføj punkt' }).click();
    await expect(page.getByRole('link', { name: 'Tidsrummet skal ligge inden for mødets tid.' })).toBeVisible();
    await expect(addForm.getByLabel('Resume')).toHaveValue('Udvalget orienteres om forbruget i første kvartal.');
    await expectAccessible(page);
    await addForm.getByLabel('Fra kl.').fill('14:00');
    await addForm.getByLabel('Til kl.').fill('14:30');
    await addForm.getByRole('button', { name: 'Tilføj punkt' }).click();
    await expect(page.getByRole('status')).toHaveText('Punktet "Budgetopfølgning 1. kvartal" er tilføjet.');
    await expect(page.getByRole('heading', { name: 'Punkt 1: Budgetopfølgning 1. kvartal' })).toBeVisible();
    await expect(addForm.getByLabel('Titel')).toHaveValue('');

    await addForm.getByLabel('Titel').fill(`Personsag ${SECRET}`);
    await addForm.getByLabel('Sagsnummer').fill('00.30.00-S00-2-25');
    await addForm.getByLabel('Lukket punkt').check();
    await addForm.getByLabel('Begrundelse for lukket punkt').fill('Personsag');
    await addForm.getByLabel('Resume').fill(`Drøftelse af en personsag. ${SECRET}`);
    await addForm.getByRole('button', { name: 'Tilføj punkt' }).click();
    await expect(page.getByRole('heading', { name: `Punkt 2: Personsag ${SECRET}` })).toBeVisible();

    await page.getByRole('button', { name: 'Tilføj faste punkter' }).click();
    await expect(page.getByRole('status')).toHaveText('De faste punkter er tilføjet sidst på dagsordenen.');
    await expect(page.getByRole('heading', { name: 'Punkt 5: Eventuelt' })).toBeVisible();
    await expectAccessible(page);

    // Bilag: one chosen with the file field, one dropped on the zone; a type that is no Bilag is refused in Danish.
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Punkt 1: Budgetopfølgning 1. kvartal' }) });
    await first.getByLabel('Tilføj bilag til punkt 1').setInputFiles({ name: 'Budgetnotat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Budgetnotat\n%%EOF\n') });
    await expect(first.getByRole('link', { name: 'Budgetnotat.pdf' })).toBeVisible();
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Forbruget fordelt på områder.\n'], 'Forbrug.txt', { type: 'text/plain' }));
      return transfer;
    });
    await first.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await expect(first.getByRole('link', { name: 'Forbrug.txt' })).toBeVisible();
    await first.getByLabel('Tilføj bilag til punkt 1').setInputFiles({ name: 'program.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ binary') });
    await expect(first.locator(`#bilag-${(await meetingRead()).items[0].id}-error`)).toContainText('program.exe:');
    await expectAccessible(page);

    // Udsend dagsorden is refused while items are drafts; then each is marked ready, one alone and the rest at once.
    await expect(page.getByRole('list', { name: 'Modtagere af dagsordenen' }).getByRole('listitem')).toHaveCount(5);
    await expect(page.getByRole('list', { name: 'Modtagere af dagsordenen' })).toContainText(`${chair.name} – Formand`);
    await page.getByRole('button', { name: 'Udsend dagsorden' }).click();
    await expect(page.getByRole('link', { name: /^Disse punkter er ikke klar til dagsorden endnu: 1\. Budgetopfølgning/ })).toBeVisible();
    await first.getByRole('button', { name: 'Klar til dagsorden' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 1 er klar til dagsorden.');
    await page.getByRole('button', { name: 'Alle punkter klar til dagsorden' }).click();
    await expect(page.getByRole('status')).toHaveText('Alle punkter er klar til dagsorden.');
    await page.getByRole('button', { name: 'Udsend dagsorden' }).click();
    await expect(page.getByRole('status')).toHaveText('Dagsordenen er udsendt til 5 modtagere.');
    await expect(page.getByText(/Ændringer sendes til medlemmerne som en opdatering af dagsordenen/)).toBeVisible();
    await expectAccessible(page);

    const published = await meetingRead();
    expect(published.state).toBe('published');
    expect(published.items.map((item: { title: string; state: string }) => [item.title, item.state])).toEqual([
      ['Budgetopfølgning 1. kvartal', 'on-agenda'],
      [`Personsag ${SECRET}`, 'on-agenda'],
      ['Gensidig orientering', 'on-agenda'],
      ['Mødedeltagelse', 'on-agenda'],
      ['Eventuelt', 'on-agenda'],
    ]);
    expect(published.items[0]).toMatchObject({ caseNumber: '00.30.00-S00-1-25', startTime: '14:00', endTime: '14:30', summary: 'Udvalget orienteres om forbruget i første kvartal.', recommendation: 'Direktionen indstiller, at orienteringen tages til efterretning.', presentation: 'Forbruget ligger på niveau med budgettet.' });
    expect(published.items[0].attachments.map((attachment: { name: string }) => attachment.name).sort()).toEqual(['Budgetnotat.pdf', 'Forbrug.txt']);
    expect(published.items[1]).toMatchObject({ closed: true, closedReason: 'Personsag' });

    // Every member and the chair receive the agenda; the closed item is there by its title only.
    const agendaMailsTo = async (address: string) => (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(address) && /^Dagsorden/.test(mail.subject ?? ''));
    for (const person of [chair, ...members]) {
      await app.kit.waitUntil(async () => (await agendaMailsTo(person.email)).length > 0, { timeoutMs: 30_000, intervalMs: 200 }, () => `no agenda e-mail to ${person.email}`);
      const [mail] = await agendaMailsTo(person.email);
      expect(mail.text).toContain('Budgetopfølgning 1. kvartal');
      expect(mail.text).toContain(`${app.baseUrl}/moeder/${meetingId}`);
      expect(mail.text).not.toContain('Drøftelse af en personsag');
    }

    // A change once the agenda is sent tells the secretary that the members get an update.
    const fifth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Punkt 5: Eventuelt' }) });
    await fifth.getByRole('button', { name: 'Ret punktet' }).click();
    const editForm = fifth.getByRole('region', { name: 'Ret punkt 5' });
    await expect(editForm.getByText('medlemmerne får en opdatering af dagsordenen med ændringen')).toBeVisible();
    await editForm.getByLabel('Resume').fill('Ordet er frit.');
    await editForm.getByRole('button', { name: 'Gem punktet' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 5 er gemt. Dagsordenen er udsendt: medlemmerne får en opdatering af dagsordenen med ændringen.');
    expect((await meetingRead()).items[4].summary).toBe('Ordet er frit.');
    await expectAccessible(page);
  });

  test('Under mødet: attendance, Hold møde, decisions, Udsat, Oversend to Økonomiudvalget, a dissent, Afslut møde', async ({ page }) => {
    await logIn(page, app, secretary.email, `/moeder/${meetingId}/forberedelse`);
    await page.getByRole('navigation', { name: 'Mødets sider for sekretæren' }).getByRole('link', { name: 'Mødet', exact: true }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/moeder/${meetingId}/moedet`);
    await expectPageShape(page, 'Mødet: Social- og Sundhedsudvalget: Ordinært møde marts');
    await expectAccessible(page);

    const [first, second] = members;
    const attendanceOf = (person: Staff) => page.getByRole('group', { name: new RegExp(`^${person.name}`) });
    await attendanceOf(chair).getByLabel('Til stede').check();
    await page.getByRole('button', { name: `Gem fremmøde for ${chair.name}` }).click();
    await expect(page.getByRole('status')).toHaveText(`Fremmødet for ${chair.name} er gemt.`);
    await attendanceOf(first).getByLabel('Virtuelt', { exact: true }).check();
    await attendanceOf(first).getByLabel('Virtuelt til kl.').fill('16:00');
    await page.getByRole('button', { name: `Gem fremmøde for ${first.name}` }).click();
    await expect(page.getByRole('status')).toHaveText(`Fremmødet for ${first.name} er gemt.`);
    await attendanceOf(second).getByLabel('Afbud').check();
    await page.getByRole('button', { name: `Gem fremmøde for ${second.name}` }).click();
    await expect(page.getByRole('status')).toHaveText(`Fremmødet for ${second.name} er gemt.`);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Hold møde' }).click();
    await expect(page.getByRole('status')).toHaveText('Mødet holdes nu. Skriv beslutningerne punkt for punkt.');
    const item = (number: number) => page.getByRole('region', { name: new RegExp(`^Punkt ${number}: `) });

    // "Besluttet" without a Beslutning is refused on the page, next to the field.
    await item(1).getByRole('button', { name: 'Besluttet' }).click();
    await expect(page.getByRole('link', { name: 'Skriv beslutningen, før punktet markeres som besluttet.' })).toBeVisible();
    await expectAccessible(page);
    await item(1).getByLabel('Beslutning, punkt 1').fill('Orienteringen blev taget til efterretning.');
    await item(1).getByRole('button', { name: 'Besluttet' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 1 er besluttet.');
    await item(1).getByText('Afvigende mening eller inhabilitet, punkt 1').click();
    await item(1).getByLabel('Medlem', { exact: true }).selectOption({ label: first.name });
    await item(1).getByLabel('Afvigende mening').check();
    await item(1).getByLabel('Tekst til referatet').fill('Ønskede sin afvigende mening ført til referat.');
    await item(1).getByRole('button', { name: 'Før note til referat' }).click();
    await expect(page.getByRole('status')).toHaveText('Den afvigende mening er ført til referat på punkt 1.');
    await expect(item(1).getByRole('list', { name: 'Noter til punkt 1' })).toContainText(`Afvigende mening: ${first.name} – Ønskede sin afvigende mening ført til referat.`);

    // Afslut møde is refused while items lack an outcome.
    await page.getByRole('button', { name: 'Afslut møde' }).click();
    await expect(page.getByRole('link', { name: /^Disse punkter mangler et udfald: 2\. Personsag/ })).toBeVisible();

    await item(2).getByLabel('Beslutning, punkt 2').fill('Sagen oversendes til Økonomiudvalget.');
    await item(2).getByLabel('Oversend til møde, punkt 2').selectOption({ label: 'Økonomiudvalget: mandag den 12. april 2027 kl. 15.00' });
    await item(2).getByRole('button', { name: 'Oversend' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 2 er oversendt til Økonomiudvalget.');
    await item(3).getByLabel('Beslutning, punkt 3').fill('Udvalget orienterede hinanden.');
    await item(3).getByRole('button', { name: 'Besluttet' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 3 er besluttet.');
    await item(4).getByRole('button', { name: 'Udsat' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 4 er udsat.');
    await item(5).getByLabel('Beslutning, punkt 5').fill('Intet.');
    await item(5).getByRole('button', { name: 'Besluttet' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 5 er besluttet.');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Afslut møde' }).click();
    await expect(page.getByRole('status')).toHaveText('Mødet er afsluttet. Nu kan referatet dannes.');
    await expectAccessible(page);

    const closed = await meetingRead();
    expect(closed.state).toBe('closed');
    expect(closed.items.map((row: { state: string; decision: string | null }) => [row.state, row.decision])).toEqual([
      ['decided', 'Orienteringen blev taget til efterretning.'],
      ['referred', 'Sagen oversendes til Økonomiudvalget.'],
      ['decided', 'Udvalget orienterede hinanden.'],
      ['postponed', null],
      ['decided', 'Intet.'],
    ]);
    expect(closed.items[0].dissents).toEqual([expect.objectContaining({ personId: first.id, text: 'Ønskede sin afvigende mening ført til referat.' })]);
    const attendance = Object.fromEntries(closed.attendance.map((row: { personId: string; status: string; until: string | null }) => [row.personId, [row.status, row.until]]));
    expect(attendance).toMatchObject({ [chair.id]: ['present', null], [first.id]: ['virtual', '16:00'], [second.id]: ['absent', null] });
    const referrals = await app.api.expect(200, 'GET', `/api/items/${closed.items[1].id}/referrals`, { token: secretary.token });
    expect(referrals.items).toEqual([expect.objectContaining({ state: 'proposed', toMeetingId: financeMeetingId })]);
  });

  test('Referat: Dan referat with its progress, both versions side by side, Godkend by the chair, the signatures, Offentliggør and Tilføj tillæg', async ({ page, browser }) => {
    await logIn(page, app, secretary.email, `/moeder/${meetingId}/moedet`);
    await page.getByRole('navigation', { name: 'Mødets sider for sekretæren' }).getByRole('link', { name: 'Referat' }).click();
    await expectPageShape(page, 'Referat: Social- og Sundhedsudvalget: Ordinært møde marts');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Dan referat' }).click();
    await expect(page.getByRole('status')).toHaveText('Referatet dannes. Det tager et øjeblik.');
    await expect(page.getByRole('progressbar', { name: 'Referatet dannes' })).toBeVisible();
    const membersVersion = page.getByRole('region', { name: 'Medlemmernes udgave' });
    const publicVersion = page.getByRole('region', { name: 'Offentlig udgave' });
    await expect(membersVersion.locator('pre')).toContainText('Orienteringen blev taget til efterretning.', { timeout: 60_000 });
    await expect(membersVersion.locator('pre')).toContainText('Drøftelse af en personsag');
    await expect(publicVersion.locator('pre')).toContainText('Orienteringen blev taget til efterretning.');
    await expect(publicVersion.locator('pre')).toContainText('Lukket punkt');
    await expect(publicVersion.locator('pre')).not.toContainText(SECRET);
    await expect(page.getByText('Referatet afventer formandens godkendelse.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Godkend' })).toHaveCount(0);
    await expectAccessible(page);

    // The chair approves on the same page.
    const chairContext = await browser.newContext();
    const chairPage = await chairContext.newPage();
    await logIn(chairPage, app, chair.email, `/moeder/${meetingId}/referat`);
    await chairPage.getByRole('button', { name: 'Godkend' }).click();
    await expect(chairPage.getByRole('status')).toHaveText('Referatet er godkendt. Nu kan deltagerne underskrive det.');
    await expectAccessible(chairPage);
    await chairPage.getByRole('button', { name: 'Underskriv referatet' }).click();
    await expect(chairPage.getByRole('status')).toHaveText('Du har underskrevet referatet.');
    await expect(chairPage.getByRole('list', { name: 'Har underskrevet' })).toContainText(chair.name);
    await chairContext.close();

    // The others who took part sign through the API; the page shows who has signed and who is awaited.
    await page.reload();
    const minutes = await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: secretary.token });
    const awaited = minutes.signatures.signatories.filter((person: { signedAt: string | null }) => !person.signedAt);
    expect(awaited.length).toBeGreaterThan(0);
    await expect(page.getByRole('list', { name: 'Afventer underskrift' })).toContainText(awaited[0].name);
    const tokens = new Map([secretary, chair, refusedMember, ...members].map((person) => [person.id, person.token]));
    for (const person of awaited) {
      await app.api.expect(200, 'POST', `/api/meetings/${meetingId}/minutes/transitions`, { token: tokens.get(person.personId), body: { event: 'sign' } });
    }
    await page.reload();
    await expect(page.getByText('Underskrevet og forseglet')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Afventer underskrift' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await expect(page.getByRole('status')).toHaveText('Referatet er offentliggjort.');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Tilføj tillæg' }).click();
    await expect(page.getByRole('link', { name: 'Skriv tillæggets tekst.' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Tillæg' }).fill('Punkt 3: beslutningen præciseres.');
    await page.getByRole('button', { name: 'Tilføj tillæg' }).click();
    await expect(page.getByRole('status')).toHaveText('Tillægget er føjet til referatet.');
    await expect(page.getByRole('list', { name: 'Tillæg til referatet' })).toContainText('Punkt 3: beslutningen præciseres.');
    await expectAccessible(page);

    const published = await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: secretary.token });
    expect(published).toMatchObject({ state: 'published', addenda: [expect.objectContaining({ text: 'Punkt 3: beslutningen præciseres.' })] });
    const publicMinutes = await app.api.request('GET', `/api/public/meetings/${meetingId}/minutes.html`);
    expect(publicMinutes.status).toBe(200);
    expect(publicMinutes.text).not.toContain(SECRET);
  });

  test('Udsendelser: each e-mail with its state, and "Send igen" for the one the mail server refused', async ({ page }) => {
    const deliveries = async () => (await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/deliveries?limit=500`, { token: secretary.token })).items as { id: string; kind: string; recipient: string; status: string }[];
    const refused = async (kind: string) => (await deliveries()).find((row) => row.kind === kind && row.recipient === refusedMember.email);
    await app.kit.waitUntil(async () => (await refused('minutes-published'))?.status === 'failed', { timeoutMs: 30_000, intervalMs: 200 }, () => 'the refused e-mail did not fail');

    await logIn(page, app, secretary.email, `/moeder/${meetingId}/referat`);
    await page.getByRole('navigation', { name: 'Mødets sider for sekretæren' }).getByRole('link', { name: 'Udsendelser' }).click();
    await expectPageShape(page, 'Udsendelser: Social- og Sundhedsudvalget: Ordinært møde marts');
    const table = page.getByRole('table', { name: 'E-mails om mødet' });
    const mailTo = (person: Staff, kind: string | RegExp) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(person.name) }) }).filter({ has: page.getByRole('cell', { name: kind, exact: true }) });
    await expect(mailTo(chair, /^Dagsorden \(udgave 0\)$/)).toContainText('Sendt');
    await expect(mailTo(refusedMember, /^Dagsorden \(udgave 0\)$/)).toContainText('Mislykket');
    await expect(mailTo(refusedMember, 'Referatet er offentliggjort')).toContainText('550');
    await expectAccessible(page);

    // The mailbox is fixed: "Send igen" sends the minutes' link again.
    refusing.clear();
    await mailTo(refusedMember, 'Referatet er offentliggjort').getByRole('button', { name: `Send igen til ${refusedMember.name}` }).click();
    await expect(page.getByRole('status')).toHaveText(`E-mailen til ${refusedMember.name} sendes igen.`);
    await app.kit.waitUntil(async () => (await refused('minutes-published'))?.status === 'sent', { timeoutMs: 30_000, intervalMs: 200 }, () => 'the e-mail sent again is not marked sent');
    expect((await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(refusedMember.email)).map((mail) => mail.subject)).toContainEqual(expect.stringMatching(/^Referat/));
    await page.getByRole('button', { name: 'Opdater listen' }).click();
    await expect(mailTo(refusedMember, 'Referatet er offentliggjort')).toContainText('Sendt');
    await expect(mailTo(refusedMember, 'Referatet er offentliggjort').getByRole('button', { name: /Send igen/ })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('Sager: a case’s route through the committees, found by its case number', async ({ page }) => {
    await logIn(page, app, secretary.email, '/sager');
    await expectPageShape(page, 'Sager');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Find sag' }).click();
    await expect(page.getByRole('link', { name: 'Skriv et sagsnummer.' })).toBeVisible();
    await page.getByLabel('Sagsnummer').fill('99.99.99-X00-0-00');
    await page.getByRole('button', { name: 'Find sag' }).click();
    await expect(page.getByRole('link', { name: 'Intet dagsordenspunkt har det sagsnummer.' })).toBeVisible();
    await expect(page.getByLabel('Sagsnummer')).toHaveValue('99.99.99-X00-0-00');
    await expectAccessible(page);

    await page.getByLabel('Sagsnummer').fill('00.30.00-S00-2-25');
    await page.getByRole('button', { name: 'Find sag' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/sager/00.30.00-S00-2-25`);
    await expectPageShape(page, 'Sag 00.30.00-S00-2-25');
    // The referral is a proposal until Økonomiudvalget takes it onto its agenda: the route so far is the one meeting.
    const route = await app.api.expect(200, 'GET', '/api/cases/00.30.00-S00-2-25', { token: secretary.token });
    expect(route.items.map((step: { committeeName: string; state: string }) => [step.committeeName, step.state])).toEqual([['Social- og Sundhedsudvalget', 'referred']]);
    const steps = page.getByRole('list', { name: 'Sagens vej' }).getByRole('listitem');
    await expect(steps).toHaveCount(1);
    await expect(steps.nth(0)).toContainText('Social- og Sundhedsudvalget, tirsdag den 4. marts 2025');
    await expect(steps.nth(0)).toContainText('Oversendt');
    await expect(steps.nth(0)).toContainText('Sagen oversendes til Økonomiudvalget.');
    await expect(steps.nth(0).getByRole('link', { name: 'Se mødet i Social- og Sundhedsudvalget' })).toHaveAttribute('href', `/moeder/${meetingId}`);
    await expectAccessible(page);
  });
});

test.describe.serial('reordering the agenda', () => {
  let app: RunningApp;
  let secretary: { email: string; token: string };
  let meetingId: string;
  let itemIds: string[];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    app = await startApp();
    const { bodyId } = await app.fixtures.committee({ kind: 'standing', name: 'Økonomiudvalget', mandateStart: '2024-01-01', mandateEnd: null });
    const staffed = await app.fixtures.staffedCommittee({ bodyId, name: 'Teknik- og Miljøudvalget', memberCount: 1 });
    secretary = staffed.secretary;
    ({ meetingId, itemIds } = await app.fixtures.meetings(staffed.committeeId, secretary.token).meetingWithReadyItems({ startsAt: '2027-05-03T09:00:00+02:00', endsAt: '2027-05-03T12:00:00+02:00', itemCount: 4 }));
  });
  test.afterAll(async () => {
    await app?.close();
  });

  const order = async () => ((await app.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: secretary.token })).items as { id: string }[]).map((item) => item.id);

  test('by keyboard alone: arrow keys and Home on the focused handle, then "Flyt ned" with Enter; the focus stays on the moved item', async ({ page }) => {
    await logIn(page, app, secretary.email, `/moeder/${meetingId}/forberedelse`);
    await expectAccessible(page);
    const [a, b, c, d] = itemIds;

    const handleOfD = page.locator(`#handle-${d}`);
    await handleOfD.focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('status')).toHaveText(/er flyttet til punkt 3\.$/);
    await expect(handleOfD).toBeFocused();
    expect(await order()).toEqual([a, b, d, c]);

    await page.keyboard.press('Home');
    await expect(page.getByRole('status')).toHaveText(/er flyttet til punkt 1\.$/);
    await expect(handleOfD).toBeFocused();
    expect(await order()).toEqual([d, a, b, c]);

    // Tab from the handle reaches "Flyt op" (disabled at the top, so skipped) and then "Flyt ned".
    await page.keyboard.press('Tab');
    await expect(page.locator(`#ned-${d}`)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText(/er flyttet til punkt 2\.$/);
    await expect(page.locator(`#ned-${d}`)).toBeFocused();
    expect(await order()).toEqual([a, d, b, c]);
    await expect(page.locator('h3').first()).toHaveText(/^Punkt 1: /);
    await expectAccessible(page);
  });

  test('by dragging an item onto another (the drag events as the browser sends them)', async ({ page }) => {
    await logIn(page, app, secretary.email, `/moeder/${meetingId}/forberedelse`);
    const before = await order();
    const last = before[before.length - 1];
    // This Chromium starts no native drag from Playwright's mouse, so the drag's events are sent as a browser sends them.
    const transfer = await page.evaluateHandle(() => new DataTransfer());
    const handle = page.locator(`#handle-${last}`);
    const target = page.getByRole('listitem').filter({ has: page.locator(`#overskrift-${before[0]}`) });
    await handle.dispatchEvent('dragstart', { dataTransfer: transfer });
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect(target).toHaveClass(/drop-target/);
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await handle.dispatchEvent('dragend', { dataTransfer: transfer });
    await expect(page.getByRole('status')).toHaveText(/er flyttet til punkt 1\.$/);
    expect(await order()).toEqual([last, ...before.slice(0, -1)]);
  });
});
