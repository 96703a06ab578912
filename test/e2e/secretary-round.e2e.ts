import { expect, type Page, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectPageShape, keepScreenshot, type RunningApp, startApp } from './system.js';

/** A password the policy accepts: long, and no word of it easy to guess on its own. */
const SECRETARY_PASSWORD = 'blæksprutte havregryn cykelhjelm';
/** Written into the closed item, to look for where it must never appear. */
const SECRET = 'FORTROLIGT-SEKRETAER-4412';
const COMMITTEE = 'Udvalg for nytænkning af socialområdet';
/** The seats begin with the mandate, so the members sit in the committee on the day of its meeting in November. */
const MANDATE_START = '2026-01-01';

interface Person {
  id: string;
  name: string;
  email: string;
}

interface Staff extends Person {
  token: string;
}

/**
 * The secretary's year, through the pages alone: the admin sets up a § 17, stk. 4 committee and seats its members,
 * the secretary drafts the kommissorium and lays out the procesplan, prepares, holds and minutes a meeting whose
 * referred item goes on to PKØ-udvalget, whose secretary takes it onto its agenda, and finds the case's route. The municipality's people and PKØ-udvalget
 * (another committee, with its own secretary) are made through the API.
 */
test.describe.serial('the secretary’s round: committee, kommissorium, procesplan, meeting, minutes and the case’s route', () => {
  let app: RunningApp;
  let bodyId: string;
  let financeId: string;
  let financeMeetingId: string;
  /** PKØ-udvalget's secretary, who receives the cases referred to its meeting. */
  let financeSecretary: Staff;
  let director: Staff;
  let chair: Staff;
  /** The member whose seat ends in the summer of 2027: at the meeting, and still seated on its day. */
  let member: Staff;
  let secondMember: Staff;
  /** A member whose mail server refuses every e-mail for good, until the test lets them through. */
  let refusedMember: Staff;
  const refusing = new Set<string>();
  let ngo: Person;
  let committeeId: string;
  let secretaryEmail: string;
  let secretaryId: string;
  let secretaryToken: string;
  let meetingId: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // Each minutes assembly waits a moment before it renders, so the page shows its progress.
    app = await startApp({ MINUTES_ASSEMBLY_HOLD_MS: '2000' }, { refusesForGood: (address) => refusing.has(address) });
    ({ id: bodyId } = await app.fixtures.body({ name: 'Hedensted Kommune', electionTermStart: '2026-01-01', electionTermEnd: '2029-12-31' }));
    ({ id: financeId } = await app.fixtures.committee({ bodyId, name: 'PKØ-udvalget', kind: 'finance', mandateStart: '2026-01-01', mandateEnd: null }));
    director = await app.fixtures.person({ name: 'Dorte Direktør', roles: ['director'], bodyIds: [bodyId], login: true });
    chair = await app.fixtures.person({ name: 'Birgit Jakobsen', party: 'KD', login: true });
    member = await app.fixtures.person({ name: 'Mads Medlem', login: true });
    secondMember = await app.fixtures.person({ name: 'Karin Kofoed', login: true });
    refusedMember = await app.fixtures.person({ name: 'Medlem med afvisende postkasse', login: true });
    refusing.add(refusedMember.email);
    ngo = await app.fixtures.person({ name: 'Lise Lokalråd', title: 'Repræsentant for lokalrådene' });
    secretaryEmail = `sanne-${Date.now()}@e2e.example.dk`;
    // PKØ-udvalget, whom the committee reports to, has a meeting ahead to receive its cases at.
    financeSecretary = await app.fixtures.member(financeId, 'secretary', { name: 'Sekretær for PKØ-udvalget' });
    financeMeetingId = await app.fixtures.meetings(financeId, financeSecretary.token).meeting({ startsAt: '2027-04-12T15:00:00+02:00', endsAt: '2027-04-12T17:00:00+02:00' });
  });
  test.afterAll(async () => {
    await app?.close();
  });

  /** Logs in on "Log ind" and lands on `path`, or on the Forside. */
  const logIn = async (page: Page, email: string, password: string, path?: string) => {
    await page.goto(path ? `${app.baseUrl}/log-ind?naeste=${encodeURIComponent(path)}` : `${app.baseUrl}/log-ind`);
    await expectPageShape(page, 'Log ind');
    await expectAccessible(page);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Adgangskode').fill(password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    if (path) {
      await expect(page).toHaveURL(`${app.baseUrl}${path}`);
      return;
    }
    await expectPageShape(page, 'Forside');
    await expectAccessible(page);
  };
  const logInAsSecretary = (page: Page, path?: string) => logIn(page, secretaryEmail, SECRETARY_PASSWORD, path);
  const admin = () => app.fixtures.adminToken;
  const meetingRead = async () => app.api.expect(200, 'GET', `/api/meetings/${meetingId}`, { token: secretaryToken });

  test('the admin creates the secretary with a login, then a § 17, stk. 4 committee, and seats its members', async ({ page }) => {
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Personer' }).click();
    await expectPageShape(page, 'Personer');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Opret person' }).click();
    await expectPageShape(page, 'Opret person');
    await expectAccessible(page);

    // A taken e-mail is refused next to the field, in Danish, and nothing typed is lost.
    await page.getByLabel('Navn').fill('Sanne Sekretær');
    await page.getByLabel('E-mail').fill(director.email);
    await page.getByLabel('Titel').fill('Udvalgssekretær');
    await page.getByLabel('Adgangskode', { exact: true }).fill(SECRETARY_PASSWORD);
    await page.getByRole('button', { name: 'Opret person' }).click();
    await expect(page.getByRole('link', { name: 'En anden person har allerede denne e-mail.' })).toBeVisible();
    await expect(page.locator('#email-error')).toContainText('En anden person har allerede denne e-mail.');
    await expect(page.getByLabel('Navn')).toHaveValue('Sanne Sekretær');
    await expectAccessible(page);
    await page.getByLabel('E-mail').fill(secretaryEmail);
    await page.getByRole('button', { name: 'Opret person' }).click();
    await expect(page.getByText('Sanne Sekretær er oprettet med login og får en velkomstmail.')).toBeVisible();
    const found = await app.api.expect(200, 'GET', `/api/people?q=${encodeURIComponent(secretaryEmail)}`, { token: admin() });
    expect(found.items).toEqual([expect.objectContaining({ name: 'Sanne Sekretær', title: 'Udvalgssekretær', hasLogin: true })]);
    secretaryId = found.items[0].id;
    secretaryToken = await app.api.login(secretaryEmail, SECRETARY_PASSWORD);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udvalg', exact: true }).click();
    await expectPageShape(page, 'Udvalg');
    await expect(page.getByRole('link', { name: 'PKØ-udvalget' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Mine udvalg' })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Opret udvalg' }).click();
    await expectPageShape(page, 'Opret udvalg');
    await expectAccessible(page);

    await page.getByLabel('Myndighed').selectOption({ label: 'Hedensted Kommune' });
    await page.getByLabel('Navn').fill(COMMITTEE);
    await page.getByLabel('Type').selectOption({ label: '§ 17, stk. 4-udvalg' });
    // The term's end is offered as the mandate's end; one beyond it is refused next to the field.
    await expect(page.getByLabel('Mandat til')).toHaveValue('2029-12-31');
    await page.getByLabel('Rapporterer til').selectOption({ label: 'PKØ-udvalget' });
    // A § 17, stk. 4 committee's kommissorium is the council's to adopt unless set otherwise; this round keeps the
    // director's approval final (the council's adoption is walked through in commission-adoption.spec.ts).
    await expect(page.getByLabel('Kommissoriet vedtages af byrådet/regionsrådet')).toBeChecked();
    await page.getByLabel('Kommissoriet vedtages af byrådet/regionsrådet').uncheck();
    await page.getByLabel('Mandat fra').fill(MANDATE_START);
    await page.getByLabel('Mandat til').fill('2030-06-30');
    await page.getByRole('button', { name: 'Opret udvalg' }).click();
    await expect(page.locator('#mandat-til-error')).toContainText('Mandatet skal slutte inden for myndighedens valgperiode.');
    await expect(page.getByLabel('Navn')).toHaveValue(COMMITTEE);
    await expectAccessible(page);
    // Ten quarters: room for the five phases of the procesplan.
    await page.getByLabel('Mandat til').fill('2028-06-30');
    await page.getByRole('button', { name: 'Opret udvalg' }).click();
    await expectPageShape(page, COMMITTEE);
    committeeId = page.url().split('/udvalg/')[1];
    const created = await app.api.expect(200, 'GET', `/api/committees/${committeeId}`, { token: admin() });
    expect(created).toMatchObject({ bodyId, kind: 'section-17-4', mandateStart: MANDATE_START, mandateEnd: '2028-06-30', reportsToId: financeId, commissionNeedsCouncil: false });
    await expect(page.getByText('Udvalget har ingen medlemmer endnu.')).toBeVisible();
    await expectAccessible(page);

    const addSeat = async (person: { name: string; email: string }, role: string, period: { from?: string; to?: string } = {}) => {
      const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Tilføj medlem' }) });
      await form.getByLabel('Søg person').fill(person.name.split(' ')[0]);
      await form.getByLabel('Person', { exact: true }).selectOption({ label: `${person.name} (${person.email})` });
      await form.getByLabel('Rolle', { exact: true }).selectOption({ label: role });
      if (period.from) await form.getByLabel('Fra', { exact: true }).fill(period.from);
      if (period.to) await form.getByLabel('Til', { exact: true }).fill(period.to);
      await form.getByRole('button', { name: 'Tilføj medlem' }).click();
    };
    await addSeat({ name: 'Sanne Sekretær', email: secretaryEmail }, 'Sekretær', { from: MANDATE_START });
    await expect(page.getByText(/^Sanne Sekretær er tilføjet som sekretær \(1\. januar 2026 – 30\. juni 2028\)/)).toBeVisible();
    await addSeat(chair, 'Formand', { from: MANDATE_START });
    await expect(page.getByText(/^Birgit Jakobsen er tilføjet som formand \(1\. januar 2026 – 30\. juni 2028\)/)).toBeVisible();
    // A second chair at once is refused next to the role, in Danish.
    await addSeat(member, 'Formand', { from: MANDATE_START });
    await expect(page.locator('#seat-role-error')).toContainText('Udvalget har allerede en med den rolle i perioden.');
    await expectAccessible(page);
    await page.getByLabel('Rolle').selectOption({ label: 'Medlem' });
    await page.getByRole('button', { name: 'Tilføj medlem' }).click();
    await expect(page.getByText(/^Mads Medlem er tilføjet som medlem/)).toBeVisible();
    await addSeat(secondMember, 'Medlem', { from: MANDATE_START });
    await expect(page.getByText(/^Karin Kofoed er tilføjet som medlem/)).toBeVisible();
    await addSeat(refusedMember, 'Medlem', { from: MANDATE_START });
    await expect(page.getByText(/^Medlem med afvisende postkasse er tilføjet som medlem/)).toBeVisible();

    const medlemmer = page.getByRole('region', { name: 'Medlemmer' });
    await expect(medlemmer.getByRole('row')).toHaveCount(6);
    await medlemmer.getByRole('button', { name: 'Afslut plads: Mads Medlem, medlem' }).click();
    await medlemmer.getByLabel('Sidste dag for Mads Medlem').fill('2027-06-30');
    await medlemmer.getByRole('button', { name: 'Afslut', exact: true }).click();
    await expect(medlemmer.getByRole('row').filter({ hasText: 'Mads Medlem' })).toContainText('30. juni 2027');
    await expectAccessible(page);
    await keepScreenshot(page, 'udvalget');

    const seats = (await app.api.expect(200, 'GET', `/api/committees/${committeeId}/members`, { token: admin() })).items;
    expect(seats.map((seat: { person: { id: string }; role: string; endDate: string | null }) => [seat.person.id, seat.role, seat.endDate])).toEqual([
      [chair.id, 'chair', null],
      [secondMember.id, 'member', null],
      [member.id, 'member', '2027-06-30'],
      [refusedMember.id, 'member', null],
      [secretaryId, 'secretary', null],
    ]);
  });

  test('the secretary drafts and submits the kommissorium (the director is told), sees it returned, and amends the approved one', async ({ page }) => {
    await logInAsSecretary(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udvalg', exact: true }).click();
    await expectPageShape(page, 'Udvalg');
    await expect(page.getByRole('link', { name: 'Opret udvalg' })).toHaveCount(0);
    // Her own committee first, under "Mine udvalg"; every committee under "Alle udvalg".
    const mine = page.getByRole('region', { name: 'Mine udvalg' });
    await expect(mine.getByRole('link')).toHaveText([COMMITTEE]);
    await expect(page.getByRole('region', { name: 'Alle udvalg' }).getByRole('link')).toHaveText(['PKØ-udvalget', COMMITTEE]);
    await expectAccessible(page);
    await mine.getByRole('link', { name: COMMITTEE }).click();
    await expectPageShape(page, COMMITTEE);
    await expectAccessible(page);
    await expect(page.getByRole('link', { name: 'Nyt møde' })).toHaveAttribute('href', `/udvalg/${committeeId}/moeder/nyt`);
    await page.getByRole('link', { name: 'Kommissorium', exact: true }).click();
    await expectPageShape(page, `Kommissorium: ${COMMITTEE}`);
    await expect(page.getByText('Udvalget har intet kommissorium endnu.')).toBeVisible();
    await expectAccessible(page);

    // Without a Formål the submission is refused before anything is sent; what was typed stays.
    await page.getByLabel('Baggrund').fill('Socialområdet skal hænge bedre sammen.');
    await page.getByRole('button', { name: 'Indsend til godkendelse' }).click();
    await expect(page.getByRole('link', { name: 'Skriv udvalgets formål.' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Formål').fill('Udvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.');
    await page.getByLabel('Temaer').fill('Forpligtende fællesskaber\nEt sammenhængende socialområde');
    await page.getByLabel('Sammensætning').fill('Formand Birgit Jakobsen (KD) og ét medlem fra hvert stående udvalg');
    await page.getByLabel('Leverancer').fill('Anbefalinger til byrådet via PKØ-udvalget');
    await page.getByRole('button', { name: 'Indsend til godkendelse' }).click();
    await expect(page.getByText('Kommissoriet er indsendt til godkendelse. Direktionen har fået besked.')).toBeVisible();
    await expect(page.getByText('Afventer godkendelse').first()).toBeVisible();
    await expectAccessible(page);

    const [version1] = (await app.api.expect(200, 'GET', `/api/committees/${committeeId}/commissions`, { token: admin() })).items;
    expect(version1).toMatchObject({
      version: 1,
      state: 'submitted',
      title: `Kommissorium for ${COMMITTEE}`,
      background: 'Socialområdet skal hænge bedre sammen.',
      themes: ['Forpligtende fællesskaber', 'Et sammenhængende socialområde'],
    });
    const noticeToDirector = async () =>
      (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(director.email) && mail.subject === 'Kommissorium afventer din godkendelse');
    await app.kit.waitUntil(async () => (await noticeToDirector()).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'the director was not told of the kommissorium');
    expect((await noticeToDirector())[0].text).toContain(`${app.baseUrl}/kommissorier/${version1.id}`);

    // The director sends it back: the comment is shown at the top of the editor, the draft ready to be revised.
    await app.api.expect(200, 'POST', `/api/commissions/${version1.id}/transitions`, { token: director.token, body: { event: 'return', comment: 'Tilføj en tidsplan for leverancerne.' } });
    await page.reload();
    const returned = page.getByRole('region', { name: /^Sendt tilbage af Dorte Direktør/ });
    await expect(returned).toContainText('Tilføj en tidsplan for leverancerne.');
    await expectAccessible(page);
    await page.getByLabel('Leverancer').fill('Anbefalinger til byrådet via PKØ-udvalget i 2. kvt. 2028');
    await page.getByRole('button', { name: 'Indsend til godkendelse' }).click();
    await expect(page.getByText('Kommissoriet er indsendt til godkendelse. Direktionen har fået besked.')).toBeVisible();
    expect(await app.api.expect(200, 'GET', `/api/commissions/${version1.id}`, { token: admin() })).toMatchObject({ state: 'submitted', deliverables: 'Anbefalinger til byrådet via PKØ-udvalget i 2. kvt. 2028' });

    await app.api.expect(200, 'POST', `/api/commissions/${version1.id}/transitions`, { token: director.token, body: { event: 'approve' } });
    await page.reload();
    await page.getByRole('button', { name: 'Ændr kommissorium' }).click();
    await expect(page.getByText('Version 2 er oprettet som kladde. Version 1 gælder, til den nye er godkendt.')).toBeVisible();
    await expect(page.getByLabel('Formål')).toHaveValue('Udvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.');
    await page.getByLabel('Formål').fill('Udvalget skal komme med anbefalinger til et sammenhængende socialområde.');
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(page.getByText('Kladden er gemt.')).toBeVisible();
    const comparison = page.getByRole('table', { name: 'Ændringer fra version 1 til version 2' });
    await expect(comparison.getByRole('row', { name: /Formål/ })).toContainText('Udvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.');
    await expect(comparison.getByRole('row', { name: /Formål/ })).toContainText('Udvalget skal komme med anbefalinger til et sammenhængende socialområde.');
    await expectAccessible(page);
    await keepScreenshot(page, 'kommissorium-sekretaer');
    const versions = (await app.api.expect(200, 'GET', `/api/committees/${committeeId}/commissions`, { token: admin() })).items;
    // Newest version first, as the API lists them.
    expect(versions.map((version: { version: number; state: string; purpose: string }) => [version.version, version.state, version.purpose])).toEqual([
      [2, 'draft', 'Udvalget skal komme med anbefalinger til et sammenhængende socialområde.'],
      [1, 'approved', 'Udvalget skal komme med anbefalinger til, hvordan socialområdet kan nytænkes.'],
    ]);
  });

  test('the secretary lays out the procesplan with "Ny fase" five times, starts a phase and invites a participant to it', async ({ page }) => {
    await logInAsSecretary(page);
    await page.goto(`${app.baseUrl}/udvalg/${committeeId}`);
    await expectPageShape(page, COMMITTEE);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Procesplan', exact: true }).click();
    await expectPageShape(page, `Procesplan: ${COMMITTEE}`);
    await expect(page.getByText('Planen har ingen faser endnu.')).toBeVisible();
    await expectAccessible(page);

    const addPhase = async (title: string, from: string, to: string) => {
      if ((await page.getByRole('button', { name: 'Ny fase' }).getAttribute('aria-expanded')) !== 'true') await page.getByRole('button', { name: 'Ny fase' }).click();
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Fra kvartal').selectOption({ label: from });
      await page.getByLabel('Til kvartal').selectOption({ label: to });
      await page.getByRole('button', { name: 'Tilføj fase' }).click();
    };
    await addPhase('Konstituering og kommissorium', '4. kvt. 2026', '1. kvt. 2027');
    await expect(page.getByText('Fasen "Konstituering og kommissorium" (4. kvt. 2026-1. kvt. 2027) er tilføjet planen.')).toBeVisible();
    await addPhase('Forpligtende fællesskaber', '2. kvt. 2027', '3. kvt. 2027');
    await expect(page.getByText('Fasen "Forpligtende fællesskaber" (2.-3. kvt. 2027) er tilføjet planen.')).toBeVisible();
    await addPhase('Et sammenhængende socialområde', '4. kvt. 2027', '4. kvt. 2027');
    await expect(page.getByText('Fasen "Et sammenhængende socialområde" (4. kvt. 2027) er tilføjet planen.')).toBeVisible();
    await addPhase('Anbefalinger', '1. kvt. 2028', '1. kvt. 2028');
    await expect(page.getByText('Fasen "Anbefalinger" (1. kvt. 2028) er tilføjet planen.')).toBeVisible();
    // An overlapping phase is refused next to its first quarter, naming the phase in the way; the title stays.
    await addPhase('Afrapportering', '1. kvt. 2028', '2. kvt. 2028');
    await expect(page.locator('#fase-fra-error')).toContainText('Fasen overlapper "Anbefalinger" (1. kvt. 2028).');
    await expect(page.getByLabel('Titel')).toHaveValue('Afrapportering');
    await expectAccessible(page);
    await page.getByLabel('Fra kvartal').selectOption({ label: '2. kvt. 2028' });
    await page.getByRole('button', { name: 'Tilføj fase' }).click();
    await expect(page.getByText('Fasen "Afrapportering" (2. kvt. 2028) er tilføjet planen.')).toBeVisible();

    const table = page.getByRole('table', { name: 'Faser' });
    const column = (number: number) => table.locator(`tbody td:nth-child(${number})`);
    await expect(table.locator('tbody tr')).toHaveCount(5);
    await expect(column(1)).toHaveText(['4. kvt. 2026-1. kvt. 2027', '2.-3. kvt. 2027', '4. kvt. 2027', '1. kvt. 2028', '2. kvt. 2028']);
    await expect(column(2)).toHaveText(['Konstituering og kommissorium', 'Forpligtende fællesskaber', 'Et sammenhængende socialområde', 'Anbefalinger', 'Afrapportering']);
    await expect(page.locator('figure.process-plan svg[role="img"]')).toHaveCount(1);
    await expect(page.locator('figure.process-plan svg title').first()).toHaveText(`Procesplan – ${COMMITTEE}`);
    await table.getByRole('button', { name: 'Start fase: Konstituering og kommissorium' }).click();
    await expect(page.getByText('Fasen "Konstituering og kommissorium" er startet.')).toBeVisible();
    await expect(column(4)).toHaveText(['I gang', 'Planlagt', 'Planlagt', 'Planlagt', 'Planlagt']);
    await expectAccessible(page);
    await keepScreenshot(page, 'procesplan');

    const phases = (await app.api.expect(200, 'GET', `/api/committees/${committeeId}/phases`, { token: admin() })).items;
    expect(phases.map((phase: { title: string; fromQuarter: string; toQuarter: string; state: string }) => [phase.title, phase.fromQuarter, phase.toQuarter, phase.state])).toEqual([
      ['Konstituering og kommissorium', '2026-Q4', '2027-Q1', 'active'],
      ['Forpligtende fællesskaber', '2027-Q2', '2027-Q3', 'planned'],
      ['Et sammenhængende socialområde', '2027-Q4', '2027-Q4', 'planned'],
      ['Anbefalinger', '2028-Q1', '2028-Q1', 'planned'],
      ['Afrapportering', '2028-Q2', '2028-Q2', 'planned'],
    ]);

    const partnership = phases[1];
    await page.getByRole('button', { name: 'Inviter deltager: Forpligtende fællesskaber' }).click();
    const invite = page.locator(`#deltager-${partnership.id}-form`);
    await invite.getByLabel('Søg person').fill('Lise');
    await invite.getByLabel('Person', { exact: true }).selectOption({ label: `${ngo.name} (${ngo.email})` });
    await invite.getByLabel('Begrundelse').fill('Repræsentant for lokalrådene');
    await invite.getByRole('button', { name: 'Inviter', exact: true }).click();
    await expect(page.getByText('Lise Lokalråd: inviteret til fasen (Repræsentant for lokalrådene)')).toBeVisible();
    await expectAccessible(page);
    const participants = await app.api.expect(200, 'GET', `/api/phases/${partnership.id}/participants`, { token: admin() });
    expect(participants.filter((row: { source: string }) => row.source === 'invited')).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: ngo.id }), note: 'Repræsentant for lokalrådene' })]);
  });
  test('the admin gives a person a login and scopes a director to the body on Personer, and sets up a working group under the committee', async ({ page }) => {
    const coming = await app.fixtures.person({ name: 'Dan Direktør', title: 'Direktør for Social Omsorg' });
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${app.baseUrl}/personer`);
    await expectPageShape(page, 'Personer');
    await page.getByLabel('Søg').fill('Dan Direktør');
    const person = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Dan Direktør' }) });
    await expect(person).toContainText('Intet login');
    await person.getByRole('button', { name: 'Giv login: Dan Direktør' }).click();
    // A weak password is refused next to the field, with the API's own Danish advice.
    await person.getByLabel('Adgangskode').fill('kort');
    await person.getByRole('button', { name: 'Giv login', exact: true }).click();
    await expect(person.locator(`#p-${coming.id}-adgangskode-error`)).toContainText('Adgangskode');
    await expectAccessible(page);
    await person.getByLabel('Adgangskode').fill('vandmølle bogreol solsikke');
    await person.getByRole('button', { name: 'Giv login', exact: true }).click();
    await expect(person.getByText('Dan Direktør har fået et login og en velkomstmail.')).toBeVisible();
    await expect(person).toContainText('Har login');

    await person.getByRole('button', { name: 'Roller og myndigheder: Dan Direktør' }).click();
    await person.getByLabel('Direktør', { exact: true }).check();
    await person.getByLabel('Hedensted Kommune').check();
    await person.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect(person.getByText('Dan Direktørs roller og myndigheder er gemt.')).toBeVisible();
    await expect(person).toContainText('Direktør for Hedensted Kommune');
    await expectAccessible(page);
    expect(await app.api.expect(200, 'GET', `/api/people/${coming.id}`, { token: admin() })).toMatchObject({ hasLogin: true, roles: ['director'], bodyIds: [bodyId] });
    const welcome = async () => (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(coming.email));
    await app.kit.waitUntil(async () => (await welcome()).length > 0, { timeoutMs: 30_000, intervalMs: 100 }, () => 'no welcome e-mail to the person given a login');

    await page.goto(`${app.baseUrl}/udvalg/nyt`);
    await expectPageShape(page, 'Opret udvalg');
    await page.getByLabel('Myndighed').selectOption({ label: 'Hedensted Kommune' });
    await page.getByLabel('Navn').fill('Arbejdsgruppe for partnerskaber');
    await page.getByLabel('Type').selectOption({ label: 'Arbejdsgruppe' });
    await page.getByLabel('Mandat fra').fill('2027-04-01');
    await page.getByLabel('Mandat til').fill('2027-09-30');
    await page.getByRole('button', { name: 'Opret udvalg' }).click();
    await expect(page.locator('#hoerer-under-error')).toContainText('En arbejdsgruppe skal høre under et udvalg.');
    await expectAccessible(page);
    await page.getByLabel('Hører under').selectOption({ label: COMMITTEE });
    await page.getByRole('button', { name: 'Opret udvalg' }).click();
    await expectPageShape(page, 'Arbejdsgruppe for partnerskaber');
    await expectAccessible(page);
    await expect(page.getByRole('link', { name: COMMITTEE })).toHaveAttribute('href', `/udvalg/${committeeId}`);
    const group = await app.api.expect(200, 'GET', `/api/committees/${page.url().split('/udvalg/')[1]}`, { token: admin() });
    expect(group).toMatchObject({ kind: 'working-group', parentId: committeeId, mandateStart: '2027-04-01', mandateEnd: '2027-09-30' });
  });

  test('nothing the secretary typed in the kommissorium is lost when the connection fails', async ({ page }) => {
    await logInAsSecretary(page);
    await page.goto(`${app.baseUrl}/udvalg/${committeeId}/kommissorium`);
    await expectPageShape(page, `Kommissorium: ${COMMITTEE}`);
    const text = 'Anbefalinger til byrådet via PKØ-udvalget i 2. kvt. 2028, med en delrapport i 4. kvt. 2027';
    await page.getByLabel('Leverancer').fill(text);
    await page.route('**/api/commissions/*', (route) => (route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(page.getByRole('link', { name: /^Der er ingen forbindelse til serveren, så intet er gemt\./ })).toBeVisible();
    await expect(page.getByLabel('Leverancer')).toHaveValue(text);
    await expectAccessible(page);
    await page.unroute('**/api/commissions/*');
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await expect(page.getByText('Kladden er gemt.')).toBeVisible();
    const versions = (await app.api.expect(200, 'GET', `/api/committees/${committeeId}/commissions`, { token: admin() })).items;
    expect(versions.find((version: { state: string }) => version.state === 'draft')).toMatchObject({ version: 2, deliverables: text });
  });

  test('Nyt møde, then the agenda builder: items with every section, a closed one, Bilag, the standing items, Klar til dagsorden, Udsend dagsorden', async ({ page }) => {
    await logInAsSecretary(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udvalg', exact: true }).click();
    await expectPageShape(page, 'Udvalg');
    await page.getByRole('region', { name: 'Mine udvalg' }).getByRole('link', { name: COMMITTEE }).click();
    await expectPageShape(page, COMMITTEE);
    await expect(page.getByText('Udvalget har ingen møder endnu.')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nyt møde' }).click();
    await expectPageShape(page, 'Nyt møde');
    await expect(page.getByText(COMMITTEE, { exact: true })).toBeVisible();
    await expectAccessible(page);

    // A refusal on the page, then one from the API (the end before the start), each next to its field; nothing typed is lost.
    await page.getByRole('button', { name: 'Opret møde' }).click();
    await expect(page.getByRole('link', { name: 'Vælg mødets dato.' })).toBeVisible();
    await expectAccessible(page);
    // A day already past inside the mandate, so the meeting can be held at once.
    await page.getByLabel('Dato').fill('2026-11-03');
    await page.getByLabel('Start', { exact: true }).fill('14:00');
    await page.getByLabel('Slut', { exact: true }).fill('13:00');
    await page.getByLabel('Sted').fill('Rådhuset, Byrådssalen');
    await page.getByLabel('Titel').fill('Ordinært møde november');
    await page.getByRole('button', { name: 'Opret møde' }).click();
    await expect(page.locator('#slut-error')).toHaveText('Fejl: Mødet skal slutte efter, det begynder.');
    await expect(page.getByLabel('Sted')).toHaveValue('Rådhuset, Byrådssalen');
    await page.getByLabel('Slut', { exact: true }).fill('17:00');
    await page.getByRole('button', { name: 'Opret møde' }).click();

    await expect(page).toHaveURL(/\/moeder\/[0-9a-f-]{36}\/forberedelse$/);
    meetingId = page.url().match(/moeder\/([0-9a-f-]{36})/)![1];
    await expectPageShape(page, `Forberedelse: ${COMMITTEE}: Ordinært møde november`);
    await expect(page.getByText('tirsdag den 3. november 2026 kl. 14.00-17.00')).toBeVisible();
    const created = await meetingRead();
    expect(created).toMatchObject({ startsAt: '2026-11-03T13:00:00.000Z', endsAt: '2026-11-03T16:00:00.000Z', location: 'Rådhuset, Byrådssalen', title: 'Ordinært møde november', state: 'planned' });
    await expectAccessible(page);

    const addForm = page.getByRole('region', { name: 'Tilføj punkt' });
    // A time slot outside the meeting is refused by the API; the field shows why and the text stays.
    await addForm.getByLabel('Titel').fill('Budgetopfølgning 1. kvartal');
    await addForm.getByLabel('Sagsnummer').fill('00.30.00-S00-1-26');
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
    await addForm.getByLabel('Sagsnummer').fill('00.30.00-S00-2-26');
    await addForm.getByLabel('Lukket punkt').check();
    await addForm.getByLabel('Begrundelse').selectOption({ label: 'Personsag' });
    // The ground proposes the public title the public and the e-mails show.
    await expect(addForm.getByLabel('Offentlig titel')).toHaveValue('Personalesag');
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
    await expect(page.getByRole('list', { name: 'Modtagere af dagsordenen' })).toContainText(`${chair.name} (KD) – Formand`);
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
    expect(published.items[0]).toMatchObject({ caseNumber: '00.30.00-S00-1-26', startTime: '14:00', endTime: '14:30', summary: 'Udvalget orienteres om forbruget i første kvartal.', recommendation: 'Direktionen indstiller, at orienteringen tages til efterretning.', presentation: 'Forbruget ligger på niveau med budgettet.' });
    expect(published.items[0].attachments.map((attachment: { name: string }) => attachment.name).sort()).toEqual(['Budgetnotat.pdf', 'Forbrug.txt']);
    expect(published.items[1]).toMatchObject({ closed: true, closedReason: 'personal-matter', publicTitle: 'Personalesag' });

    // Every member and the chair receive the agenda; the closed item is there by its title only.
    const agendaMailsTo = async (address: string) => (await app.smtp.mails()).filter((mail) => JSON.stringify(mail.to).includes(address) && /^Dagsorden/.test(mail.subject ?? ''));
    for (const person of [chair, member, secondMember]) {
      await app.kit.waitUntil(async () => (await agendaMailsTo(person.email)).length > 0, { timeoutMs: 30_000, intervalMs: 200 }, () => `no agenda e-mail to ${person.email}`);
      const [mail] = await agendaMailsTo(person.email);
      expect(mail.text).toContain('Budgetopfølgning 1. kvartal');
      expect(mail.text).toContain(`${app.baseUrl}/moeder/${meetingId}`);
      expect(mail.text).toContain('Lukket punkt: Personalesag');
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
    await keepScreenshot(page, 'forberedelse');
  });

  test('Under mødet: attendance, Hold møde, decisions, Udsat, Oversend to PKØ-udvalget, a dissent, Afslut møde', async ({ page }) => {
    await logInAsSecretary(page, `/moeder/${meetingId}/forberedelse`);
    await page.getByRole('navigation', { name: 'Mødets sider for sekretæren' }).getByRole('link', { name: 'Mødet', exact: true }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/moeder/${meetingId}/moedet`);
    await expectPageShape(page, `Mødet: ${COMMITTEE}: Ordinært møde november`);
    await expectAccessible(page);

    const [first, second] = [member, secondMember];
    const attendanceOf = (person: Person) => page.getByRole('group', { name: new RegExp(`^${person.name}`) });
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

    await item(2).getByLabel('Beslutning, punkt 2').fill('Sagen oversendes til PKØ-udvalget.');
    await item(2).getByLabel('Oversend til møde, punkt 2').selectOption({ label: 'PKØ-udvalget: mandag den 12. april 2027 kl. 15.00' });
    await item(2).getByRole('button', { name: 'Oversend' }).click();
    await expect(page.getByRole('status')).toHaveText('Punkt 2 er oversendt til PKØ-udvalget.');
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
    await keepScreenshot(page, 'under-moedet');

    const closed = await meetingRead();
    expect(closed.state).toBe('closed');
    expect(closed.items.map((row: { state: string; decision: string | null }) => [row.state, row.decision])).toEqual([
      ['decided', 'Orienteringen blev taget til efterretning.'],
      ['referred', 'Sagen oversendes til PKØ-udvalget.'],
      ['decided', 'Udvalget orienterede hinanden.'],
      ['postponed', null],
      ['decided', 'Intet.'],
    ]);
    expect(closed.items[0].dissents).toEqual([expect.objectContaining({ personId: first.id, text: 'Ønskede sin afvigende mening ført til referat.' })]);
    const attendance = Object.fromEntries(closed.attendance.map((row: { personId: string; status: string; until: string | null }) => [row.personId, [row.status, row.until]]));
    expect(attendance).toMatchObject({ [chair.id]: ['present', null], [first.id]: ['virtual', '16:00'], [second.id]: ['absent', null] });
    const referrals = await app.api.expect(200, 'GET', `/api/items/${closed.items[1].id}/referrals`, { token: secretaryToken });
    expect(referrals.items).toEqual([expect.objectContaining({ state: 'proposed', toMeetingId: financeMeetingId })]);
  });

  test('Referat: Dan referat with its progress, both versions side by side, Godkend by the chair, the signatures, Offentliggør and Tilføj tillæg', async ({ page, browser }) => {
    await logInAsSecretary(page, `/moeder/${meetingId}/moedet`);
    await page.getByRole('navigation', { name: 'Mødets sider for sekretæren' }).getByRole('link', { name: 'Referat' }).click();
    await expectPageShape(page, `Referat: ${COMMITTEE}: Ordinært møde november`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Dan referat' }).click();
    await expect(page.getByRole('status')).toHaveText('Referatet dannes. Det tager et øjeblik.');
    await expect(page.getByRole('progressbar', { name: 'Referatet dannes' })).toBeVisible();
    const membersVersion = page.getByRole('region', { name: 'Medlemmernes udgave' });
    const publicVersion = page.getByRole('region', { name: 'Offentlig udgave' });
    await expect(membersVersion.locator('pre')).toContainText('Orienteringen blev taget til efterretning.', { timeout: 60_000 });
    await expect(membersVersion.locator('pre')).toContainText('Drøftelse af en personsag');
    await expect(publicVersion.locator('pre')).toContainText('Orienteringen blev taget til efterretning.');
    await expect(publicVersion.locator('pre')).toContainText('Lukket punkt: Personalesag');
    await expect(publicVersion.locator('pre')).not.toContainText(SECRET);
    await expect(page.getByText('Referatet afventer formandens godkendelse.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Godkend' })).toHaveCount(0);
    await expectAccessible(page);

    // The chair approves on the same page.
    const chairContext = await browser.newContext();
    const chairPage = await chairContext.newPage();
    await logIn(chairPage, chair.email, app.kit.FIXTURE_PASSWORD, `/moeder/${meetingId}/referat`);
    await chairPage.getByRole('button', { name: 'Godkend' }).click();
    await expect(chairPage.getByRole('status')).toHaveText('Referatet er godkendt. Nu kan deltagerne underskrive det.');
    await expectAccessible(chairPage);
    await chairPage.getByRole('button', { name: 'Underskriv referatet' }).click();
    await expect(chairPage.getByRole('status')).toHaveText('Du har underskrevet referatet.');
    await expect(chairPage.getByRole('list', { name: 'Har underskrevet' })).toContainText(chair.name);
    await chairContext.close();

    // The others who took part sign through the API; the page shows who has signed and who is awaited.
    await page.reload();
    const minutes = await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: secretaryToken });
    const awaited = minutes.signatures.signatories.filter((person: { signedAt: string | null }) => !person.signedAt);
    expect(awaited.length).toBeGreaterThan(0);
    await expect(page.getByRole('list', { name: 'Afventer underskrift' })).toContainText(awaited[0].name);
    const tokens = new Map([chair, member, secondMember, refusedMember].map((person) => [person.id, person.token]));
    tokens.set(secretaryId, secretaryToken);
    for (const person of awaited) {
      await app.api.expect(200, 'POST', `/api/meetings/${meetingId}/minutes/transitions`, { token: tokens.get(person.personId), body: { event: 'sign' } });
    }
    await page.reload();
    await expect(page.getByText('Underskrevet og forseglet')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Afventer underskrift' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await expect(page.getByRole('status')).toHaveText('Referatet er offentliggjort.');
    await expectAccessible(page);
    await keepScreenshot(page, 'referat');

    await page.getByRole('button', { name: 'Tilføj tillæg' }).click();
    await expect(page.getByRole('link', { name: 'Skriv tillæggets tekst.' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Tillæg' }).fill('Punkt 3: beslutningen præciseres.');
    await page.getByRole('button', { name: 'Tilføj tillæg' }).click();
    await expect(page.getByRole('status')).toHaveText('Tillægget er føjet til referatet.');
    await expect(page.getByRole('list', { name: 'Tillæg til referatet' })).toContainText('Punkt 3: beslutningen præciseres.');
    await expectAccessible(page);

    const published = await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`, { token: secretaryToken });
    expect(published).toMatchObject({ state: 'published', addenda: [expect.objectContaining({ text: 'Punkt 3: beslutningen præciseres.' })] });
    const publicMinutes = await app.api.request('GET', `/api/public/meetings/${meetingId}/minutes.html`);
    expect(publicMinutes.status).toBe(200);
    expect(publicMinutes.text).not.toContain(SECRET);
  });

  test('Udsendelser: each e-mail with its state, and "Send igen" for the one the mail server refused', async ({ page }) => {
    const deliveries = async () => (await app.api.expect(200, 'GET', `/api/meetings/${meetingId}/deliveries?limit=500`, { token: secretaryToken })).items as { id: string; kind: string; recipient: string; status: string }[];
    const refused = async (kind: string) => (await deliveries()).find((row) => row.kind === kind && row.recipient === refusedMember.email);
    await app.kit.waitUntil(async () => (await refused('minutes-published'))?.status === 'failed', { timeoutMs: 30_000, intervalMs: 200 }, () => 'the refused e-mail did not fail');

    await logInAsSecretary(page, `/moeder/${meetingId}/referat`);
    await page.getByRole('navigation', { name: 'Mødets sider for sekretæren' }).getByRole('link', { name: 'Udsendelser' }).click();
    await expectPageShape(page, `Udsendelser: ${COMMITTEE}: Ordinært møde november`);
    const table = page.getByRole('table', { name: 'E-mails om mødet' });
    const mailTo = (person: Person, kind: string | RegExp) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(person.name) }) }).filter({ has: page.getByRole('cell', { name: kind, exact: true }) });
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

  test('PKØ-udvalget’s secretary finds the referred cases under "Oversendte sager": "Sæt på dagsordenen" takes one onto the agenda, "Afvis" with a reason declines the other', async ({ page }) => {
    // A second case to decline, referred to the same meeting from an earlier meeting of the committee, through the API.
    const earlier = app.fixtures.meetings(committeeId, secretaryToken);
    const {
      itemIds: [declinedItemId],
    } = await earlier.heldMeeting({ startsAt: '2026-10-06T15:00:00+02:00', endsAt: '2026-10-06T17:00:00+02:00', itemCount: 1 });
    await earlier.updateItem(declinedItemId, { decision: 'Sendes til PKØ-udvalget.' });
    await earlier.fireOnItem(declinedItemId, 'refer', { referToMeetingId: financeMeetingId });
    const declinedTitle = (await app.api.expect(200, 'GET', `/api/items/${declinedItemId}`, { token: secretaryToken })).title;
    const acceptedTitle = `Personsag ${SECRET}`;
    const referredItemId = (await meetingRead()).items[1].id;

    // Her own committee, under "Mine udvalg"; then the meeting's Forberedelse.
    await logIn(page, financeSecretary.email, app.kit.FIXTURE_PASSWORD);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udvalg', exact: true }).click();
    await expectPageShape(page, 'Udvalg');
    await expect(page.getByRole('region', { name: 'Mine udvalg' }).getByRole('link')).toHaveText(['PKØ-udvalget']);
    await expectAccessible(page);
    await page.goto(`${app.baseUrl}/moeder/${financeMeetingId}/forberedelse`);
    await expectPageShape(page, 'Forberedelse: PKØ-udvalget');
    await expect(page.getByText('Dagsordenen har ingen punkter endnu.')).toBeVisible();
    const inbox = page.getByRole('region', { name: 'Oversendte sager' });
    const referral = (title: string) => inbox.getByRole('region', { name: title, exact: true });
    await expect(referral(acceptedTitle)).toContainText('Afventer svar');
    await expect(referral(acceptedTitle)).toContainText('Lukket punkt');
    await expect(referral(acceptedTitle)).toContainText('Sagsnummer 00.30.00-S00-2-26');
    await expect(referral(acceptedTitle)).toContainText(`Oversendt fra ${COMMITTEE} (Ordinært møde november), mødet tirsdag den 3. november 2026 kl. 14.00.`);
    await expect(referral(acceptedTitle)).toContainText(`Beslutning i ${COMMITTEE}: Sagen oversendes til PKØ-udvalget.`);
    await expect(referral(declinedTitle)).toContainText('Afventer svar');
    await expectAccessible(page);

    await referral(acceptedTitle).getByRole('button', { name: 'Sæt på dagsordenen' }).click();
    await expect(page.getByRole('status')).toHaveText(`Sagen "${acceptedTitle}" er sat sidst på dagsordenen.`);
    await expect(page.getByRole('heading', { name: `Punkt 1: ${acceptedTitle}` })).toBeVisible();
    await expect(referral(acceptedTitle)).toContainText('Sat på dagsordenen');
    await expect(referral(acceptedTitle)).toContainText('Sagen er punkt 1 på dagsordenen.');
    await expect(referral(acceptedTitle).getByRole('button')).toHaveCount(0);
    await expectAccessible(page);
    await keepScreenshot(page, 'oversendte-sager');

    // "Afvis" asks for the reason first, next to its field; with one the case is declined.
    await referral(declinedTitle).getByRole('button', { name: 'Afvis' }).click();
    await expect(page.getByRole('link', { name: `Skriv, hvorfor sagen afvises. ${COMMITTEE} ser begrundelsen.` })).toBeVisible();
    await expect(referral(declinedTitle).locator('.form-error-message')).toHaveText(`Fejl: Skriv, hvorfor sagen afvises. ${COMMITTEE} ser begrundelsen.`);
    await expectAccessible(page);
    await referral(declinedTitle).getByLabel('Begrundelse for afvisning').fill('Sagen hører under Social- og Sundhedsudvalget.');
    await referral(declinedTitle).getByRole('button', { name: 'Afvis' }).click();
    await expect(page.getByRole('status')).toHaveText(`Sagen "${declinedTitle}" er afvist. ${COMMITTEE} kan se begrundelsen.`);
    await expect(referral(declinedTitle)).toContainText('Afvist');
    await expect(referral(declinedTitle)).toContainText('Begrundelse for afvisningen: Sagen hører under Social- og Sundhedsudvalget.');
    await expect(page.getByRole('heading', { name: /^Punkt 2: / })).toHaveCount(0);
    await expectAccessible(page);

    const agenda = await app.api.expect(200, 'GET', `/api/meetings/${financeMeetingId}`, { token: financeSecretary.token });
    expect(agenda.items.map((row: { title: string; caseNumber: string | null; closed: boolean }) => [row.title, row.caseNumber, row.closed])).toEqual([[acceptedTitle, '00.30.00-S00-2-26', true]]);
    const [accepted] = (await app.api.expect(200, 'GET', `/api/items/${referredItemId}/referrals`, { token: secretaryToken })).items;
    expect(accepted).toMatchObject({ state: 'accepted', acceptedItemId: agenda.items[0].id, decidedBy: financeSecretary.id });
    const [declined] = (await app.api.expect(200, 'GET', `/api/items/${declinedItemId}/referrals`, { token: secretaryToken })).items;
    expect(declined).toMatchObject({ state: 'declined', declineReason: 'Sagen hører under Social- og Sundhedsudvalget.', acceptedItemId: null });
  });

  test('Sager: a case’s route through both committees, found by its case number', async ({ page }) => {
    await logInAsSecretary(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sager' }).click();
    await expectPageShape(page, 'Sager');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Find sag' }).click();
    await expect(page.getByRole('link', { name: 'Skriv et sagsnummer.' })).toBeVisible();
    await page.getByLabel('Sagsnummer').fill('99.99.99-X00-0-00');
    await page.getByRole('button', { name: 'Find sag' }).click();
    await expect(page.getByRole('link', { name: 'Intet dagsordenspunkt har det sagsnummer.' })).toBeVisible();
    await expect(page.getByLabel('Sagsnummer')).toHaveValue('99.99.99-X00-0-00');
    await expectAccessible(page);

    await page.getByLabel('Sagsnummer').fill('00.30.00-S00-2-26');
    await page.getByRole('button', { name: 'Find sag' }).click();
    await expect(page).toHaveURL(`${app.baseUrl}/sager/00.30.00-S00-2-26`);
    await expectPageShape(page, 'Sag 00.30.00-S00-2-26');
    // PKØ-udvalget took the case onto its agenda, but as a closed item on an agenda not yet sent: of a committee she
    // may not read, the secretary is shown none of that, so her route is the one meeting.
    const routeFor = async (token: string) =>
      (await app.api.expect(200, 'GET', '/api/cases/00.30.00-S00-2-26', { token })).items.map((step: { committeeName: string; state: string; readable: boolean }) => [step.committeeName, step.state, step.readable]);
    expect(await routeFor(secretaryToken)).toEqual([[COMMITTEE, 'referred', true]]);
    const steps = page.getByRole('list', { name: 'Sagens vej' }).getByRole('listitem');
    await expect(steps).toHaveCount(1);
    await expect(steps.nth(0)).toContainText(`${COMMITTEE}, tirsdag den 3. november 2026`);
    await expect(steps.nth(0)).toContainText('Oversendt');
    await expect(steps.nth(0)).toContainText('Sagen oversendes til PKØ-udvalget.');
    await expect(steps.nth(0).getByRole('link', { name: `Se mødet i ${COMMITTEE}` })).toHaveAttribute('href', `/moeder/${meetingId}`);
    await expectAccessible(page);

    // The body's director reads both committees: the route goes on to PKØ-udvalget's agenda, where the case is punkt 1.
    await page.context().clearCookies();
    await logIn(page, director.email, app.kit.FIXTURE_PASSWORD, '/sager/00.30.00-S00-2-26');
    await expectPageShape(page, 'Sag 00.30.00-S00-2-26');
    expect(await routeFor(director.token)).toEqual([
      [COMMITTEE, 'referred', true],
      ['PKØ-udvalget', 'draft', true],
    ]);
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0)).toContainText(`${COMMITTEE}, tirsdag den 3. november 2026`);
    await expect(steps.nth(0)).toContainText('Sagen oversendes til PKØ-udvalget.');
    await expect(steps.nth(1)).toContainText('PKØ-udvalget, mandag den 12. april 2027');
    await expect(steps.nth(1)).toContainText('Punkt 1');
    await expect(steps.nth(1)).toContainText('Kladde');
    await expect(steps.nth(1)).toContainText('Lukket punkt');
    await expect(steps.nth(1).getByRole('link', { name: 'Se mødet i PKØ-udvalget' })).toHaveAttribute('href', `/moeder/${financeMeetingId}`);
    await expectAccessible(page);
    await keepScreenshot(page, 'sager');
  });

  // The committee's next meeting, its agenda of four ready items set up through the API: the reordering is the test.
  test.describe('reordering the agenda of the committee’s next meeting', () => {
    let reorderedMeetingId: string;
    let itemIds: string[];

    test.beforeAll(async () => {
      ({ meetingId: reorderedMeetingId, itemIds } = await app.fixtures
        .meetings(committeeId, secretaryToken)
        .meetingWithReadyItems({ startsAt: '2027-05-03T09:00:00+02:00', endsAt: '2027-05-03T12:00:00+02:00', itemCount: 4 }));
    });

    const order = async () => ((await app.api.expect(200, 'GET', `/api/meetings/${reorderedMeetingId}`, { token: secretaryToken })).items as { id: string }[]).map((item) => item.id);

    test('by keyboard alone: arrow keys and Home on the focused handle, then "Flyt ned" with Enter; the focus stays on the moved item', async ({ page }) => {
      await logInAsSecretary(page, `/moeder/${reorderedMeetingId}/forberedelse`);
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
      await logInAsSecretary(page, `/moeder/${reorderedMeetingId}/forberedelse`);
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
});
