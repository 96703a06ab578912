/**
 * Loads the seeds' example (shared/seeds/002: Hedensted Kommune's § 17, stk. 4 committee for rethinking the social
 * area, 2024-25) into a running system through its HTTP API, as a secretary and a director would enter it.
 * The seed names the chair and the director; the four members from the standing committees and the secretary are
 * not named there, so they appear under their seats.
 */
const API = (process.env.API_URL ?? process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
const ADMIN = { email: process.env.ADMIN_EMAIL ?? 'admin@example.dk', password: process.env.ADMIN_PASSWORD ?? 'admin-password' };
const PASSWORD = 'demo-password-2024';
const COMMITTEE_NAME = '§ 17, stk. 4-udvalget vedrørende gentænkning af socialområdet';

async function call<T = any>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const login = async (email: string, password: string) => (await call<{ accessToken: string }>('POST', '/api/auth/login', undefined, { email, password })).accessToken;

async function main() {
  const admin = await login(ADMIN.email, ADMIN.password);
  let existing: { id: string; name: string } | undefined;
  for (let cursor: string | null = ''; cursor !== null && !existing; ) {
    const page: { items: { id: string; name: string }[]; nextCursor: string | null } = await call('GET', `/api/committees?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin);
    existing = page.items.find((c) => c.name === COMMITTEE_NAME);
    cursor = page.nextCursor;
  }
  if (existing) {
    console.log(`The demo is already loaded.`);
    return report(existing.id);
  }

  const body = await call('POST', '/api/bodies', admin, { name: 'Hedensted Kommune', kind: 'municipality', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31' });
  const committee = (name: string, kind: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/api/committees', admin, { bodyId: body.id, name, kind, mandateStart: '2022-01-01', mandateEnd: '2025-12-31', ...extra });
  await committee('Kommunalbestyrelsen', 'council');
  const finance = await committee('Politik-, Kultur- og Økonomiudvalget (PKØ-udvalget)', 'finance');
  for (const name of ['Social Omsorg', 'Læring', 'Beskæftigelse', 'Fællesskab']) await committee(`Udvalget for ${name}`, 'standing');
  const socialArea = await committee(COMMITTEE_NAME, 'section-17-4', { mandateStart: '2024-01-01', mandateEnd: '2025-12-31', reportsToId: finance.id });

  const person = (name: string, email: string, extra: Record<string, unknown> = {}) => call('POST', '/api/people', admin, { name, email, password: PASSWORD, ...extra });
  const chair = await person('Birgit Jakobsen', 'birgit.jakobsen@hedensted.example', { party: 'KD', title: 'Formand' });
  const director = await person('Ann Hermansen', 'ann.hermansen@hedensted.example', { title: 'Direktør for Social Omsorg', roles: ['director'], bodyIds: [body.id] });
  const secretary = await person('Udvalgssekretær, Social Omsorg', 'sekretaer.socialomsorg@hedensted.example', { title: 'Sekretær for udvalget' });
  const seat = (personId: string, role: string) => call('POST', `/api/committees/${socialArea.id}/members`, admin, { personId, role, startDate: '2024-01-01' });
  await seat(chair.id, 'chair');
  await seat(secretary.id, 'secretary');
  await seat(director.id, 'administration');
  for (const name of ['Social Omsorg', 'Læring', 'Beskæftigelse', 'Fællesskab']) {
    const slug = name.toLowerCase().replace('æ', 'ae').replace(/\s+/g, '-');
    const member = await person(`Medlem fra Udvalget for ${name}`, `${slug}@hedensted.example`, { title: `Kommunalbestyrelsesmedlem, Udvalget for ${name}` });
    await seat(member.id, 'member');
  }

  const secretaryToken = await login(secretary.email, PASSWORD);
  const directorToken = await login(director.email, PASSWORD);
  const commission = await call('POST', `/api/committees/${socialArea.id}/commissions`, secretaryToken, {
    title: 'Kommissorium for § 17, stk. 4-udvalget vedrørende gentænkning af socialområdet',
    purpose: 'At arbejde med gentænkning af det samlede socialområde i Hedensted Kommune i valgperiodens to sidste år, 2024-25.',
    background:
      'I forbindelse med konstitueringen af Kommunalbestyrelsen blev det besluttet at nedsætte et udvalg i henhold til Kommunestyrelseslovens § 17, stk. 4. Udvalget efterfølger § 17, stk. 4-udvalget, der udviklede Ungestrategien.',
    themes: [
      'Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet',
      'Et sammenhængende socialområde',
      'Implementering af lovgivning og reformer i en Hedensted-kontekst',
    ],
    composition:
      'Formand Birgit Jakobsen (KD), en politiker fra hvert af udvalgene Social Omsorg, Læring, Beskæftigelse og Fællesskab, direktør for Social Omsorg Ann Hermansen samt en sekretær. Relevante deltagere inviteres til de enkelte faser.',
    deliverables: 'Afrapportering, konsolidering og forankring i fjerde kvartal 2025.',
    approvalDeadline: '2024-03-15',
  });
  await call('POST', `/api/commissions/${commission.id}/transitions`, secretaryToken, { event: 'submit' });
  await call('POST', `/api/commissions/${commission.id}/transitions`, directorToken, { event: 'approve' });

  const phases = [
    ['Konstituering og kommissorium', '2024-Q1', '2024-Q1', 'Konstituering af udvalget og udarbejdelse af kommissorium'],
    ['Forpligtende fællesskaber', '2024-Q2', '2024-Q4', 'Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet'],
    ['Et sammenhængende socialområde', '2025-Q1', '2025-Q2', 'Et sammenhængende socialområde'],
    ['Implementering i en Hedensted-kontekst', '2025-Q3', '2025-Q3', 'Implementering af lovgivning og reformer i en Hedensted-kontekst'],
    ['Afrapportering', '2025-Q4', '2025-Q4', 'Afrapportering, konsolidering og forankring'],
  ];
  const today = new Date().toISOString().slice(0, 10);
  for (const [title, fromQuarter, toQuarter, theme] of phases) {
    const phase = await call('POST', `/api/committees/${socialArea.id}/phases`, secretaryToken, { title, fromQuarter, toQuarter, theme });
    if (phase.startDate <= today) await call('POST', `/api/phases/${phase.id}/transitions`, secretaryToken, { event: 'start' });
    if (phase.endDate < today) await call('POST', `/api/phases/${phase.id}/transitions`, secretaryToken, { event: 'complete' });
  }
  console.log('Loaded Hedensted Kommune with its committees, the § 17, stk. 4 committee, its members, the approved kommissorium and the five phases.');
  await report(socialArea.id);
}

async function report(committeeId: string) {
  console.log(`
  Committee:       ${API}/api/committees/${committeeId}
  Members:         ${API}/api/committees/${committeeId}/members
  Kommissorium:    ${API}/api/committees/${committeeId}/commissions
  Process plan:    ${API}/api/committees/${committeeId}/phases
  Drawn:           ${API}/api/committees/${committeeId}/process-plan.svg
  Workflows:       ${API}/api/workflows
  API docs:        ${API}/api/docs

  Log in (POST ${API}/api/auth/login) as any of them with the password ${PASSWORD}:
    birgit.jakobsen@hedensted.example (chair), ann.hermansen@hedensted.example (director),
    sekretaer.socialomsorg@hedensted.example (secretary); or as ${ADMIN.email}.
`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`Is the API running at ${API}? Start it with npm start (or set API_URL).`);
  process.exit(1);
});
