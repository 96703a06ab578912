import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { FIXTURE_PASSWORD, type Fixtures, sleep, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained, waitUntil } from '@app/test-kit';

const CHOSEN = 'korrekt hest batteri hæfteklamme';
const LINK = /\/ny-adgangskode\?token=([A-Za-z0-9_-]+)/;

/** The newest e-mail to the address with the subject, once it has arrived. */
async function mailTo(smtp: SmtpServer, address: string, subject: string): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await waitUntil(
    async () => {
      found = (await smtp.mails()).filter((mail) => mail.subject === subject && mail.to && JSON.stringify(mail.to).includes(address)).at(-1);
      return found !== undefined;
    },
    { timeoutMs: 20_000 },
    () => `no e-mail "${subject}" to ${address}`,
  );
  return found!;
}

const tokenIn = (mail: ParsedMail): string => {
  const match = LINK.exec(mail.text ?? '');
  if (!match) throw new Error(`no link to choose a password in ${mail.text}`);
  return match[1];
};

describe('choosing a password through an e-mailed link: reset and welcome', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '200', PUBLIC_BASE_URL: 'https://udvalg.example.dk' } });
    fixtures = await t.fixtures();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const reset = (email: string) => t.request('POST', '/api/auth/password-reset', { body: { email } });
  const confirm = (token: string, password: string) => t.request('POST', '/api/auth/password-reset/confirm', { body: { token, password } });
  const login = (email: string, password: string) => t.request('POST', '/api/auth/login', { body: { email, password } });

  it('mails a single-use link under the public address; the new password works, the old one and every session end, the link works once', async () => {
    const frida = await fixtures.person({ name: 'Frida Glemsom', login: true });
    const other = await t.login(frida.email, FIXTURE_PASSWORD);
    const answer = await reset(frida.email.toUpperCase());
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('');

    const mail = await mailTo(smtp, frida.email, 'Ny adgangskode til udvalgsarbejdet');
    expect(mail.text).toContain('https://udvalg.example.dk/ny-adgangskode?token=');
    expect(mail.text).toContain('virker i 60 minutter og kun én gang');
    const token = tokenIn(mail);
    // Only a hash of the token is kept.
    const stored: { token_hash: string; expires_at: Date; created_at: Date }[] = await t.dataSource.query(
      `SELECT token_hash, expires_at, created_at FROM password_token WHERE person_id = $1 AND purpose = 'reset'`,
      [frida.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored[0].expires_at.getTime() - stored[0].created_at.getTime()).toBeLessThanOrEqual(3_600_000);
    expect(JSON.stringify(await t.dataSource.query('SELECT * FROM outbox_message'))).not.toContain(token);

    const weak = await confirm(token, 'Password1234');
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('password_too_weak');
    expect((await confirm(token, frida.email)).body.code).toBe('password_too_weak');

    expect((await confirm(token, CHOSEN)).status).toBe(204);
    expect((await t.request('GET', '/api/auth/session', { token: frida.token })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/session', { token: other })).status).toBe(401);
    expect((await login(frida.email, FIXTURE_PASSWORD)).status).toBe(401);
    expect((await login(frida.email, CHOSEN)).status).toBe(200);

    const reused = await confirm(token, 'endnu en helt ny adgangssætning');
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('password_token_invalid');
    expect((await login(frida.email, CHOSEN)).status).toBe(200);
  });

  it('retires a reset link once a password is set another way: by the administrator, or the person changing it', async () => {
    const admin = await t.adminToken();
    const lise = await fixtures.person({ name: 'Lise Linket', login: true });
    await reset(lise.email);
    const first = tokenIn(await mailTo(smtp, lise.email, 'Ny adgangskode til udvalgsarbejdet'));
    expect((await t.request('PATCH', `/api/people/${lise.id}`, { token: admin, body: { password: CHOSEN } })).status).toBe(200);
    expect((await confirm(first, 'endnu en helt ny adgangssætning')).body.code).toBe('password_token_invalid');

    smtp.clear();
    await reset(lise.email);
    const second = tokenIn(await mailTo(smtp, lise.email, 'Ny adgangskode til udvalgsarbejdet'));
    const token = await t.login(lise.email, CHOSEN);
    expect((await t.request('PUT', '/api/auth/password', { token, body: { currentPassword: CHOSEN, newPassword: 'tre blå cykler i regnvejret' } })).status).toBe(204);
    expect((await confirm(second, 'endnu en helt ny adgangssætning')).body.code).toBe('password_token_invalid');
    expect((await login(lise.email, 'tre blå cykler i regnvejret')).status).toBe(200);
  });

  it('answers an unknown address the same 202 and mails nobody', async () => {
    smtp.clear();
    const answer = await reset('ingen-her@hedensted.dk');
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('');
    await waitForOutboxDrained(t.dataSource);
    expect(await smtp.mails()).toHaveLength(0);
    expect((await confirm('not-a-token-anyone-was-sent', CHOSEN)).body.code).toBe('password_token_invalid');
  });

  it('limits the requests per address (429), so nobody can fill an inbox', async () => {
    const gert = await fixtures.person({ name: 'Gert Grænse', login: true });
    for (let i = 0; i < 3; i += 1) expect((await reset(gert.email)).status).toBe(202);
    const blocked = await reset(gert.email);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('3600');
  });

  it('sends no link to a person whose login was taken away, and retires the links they had', async () => {
    const admin = await t.adminToken();
    const hans = await fixtures.person({ name: 'Hans Uden Login', login: true });
    await reset(hans.email);
    const token = tokenIn(await mailTo(smtp, hans.email, 'Ny adgangskode til udvalgsarbejdet'));
    expect((await t.request('DELETE', `/api/people/${hans.id}/login`, { token: admin })).status).toBe(204);
    expect((await confirm(token, CHOSEN)).body.code).toBe('password_token_invalid');
    smtp.clear();
    expect((await reset(hans.email)).status).toBe(202);
    await waitForOutboxDrained(t.dataSource);
    expect(await smtp.mails()).toHaveLength(0);
  });

  it('welcomes a new person with a link to choose their own password, valid for a week, instead of telling one', async () => {
    const admin = await t.adminToken();
    const created = await t.request('POST', '/api/people', { token: admin, body: { name: 'Ida Ny', email: 'ida.ny@hedensted.dk', password: 'Sekretariatets-startkode-77' } });
    expect(created.status).toBe(201);
    const mail = await mailTo(smtp, 'ida.ny@hedensted.dk', 'Velkommen til udvalgsarbejdet');
    expect(mail.text).not.toContain('Sekretariatets-startkode-77');
    expect(mail.text).toContain('virker i 7 dage og kun én gang');
    const token = tokenIn(mail);
    const [stored] = await t.dataSource.query(`SELECT expires_at - created_at AS valid FROM password_token WHERE person_id = $1 AND purpose = 'welcome'`, [created.body.id]);
    expect(stored.valid).toMatchObject({ days: 7 });

    expect((await confirm(token, CHOSEN)).status).toBe(204);
    expect((await login('ida.ny@hedensted.dk', 'Sekretariatets-startkode-77')).status).toBe(401);
    expect((await login('ida.ny@hedensted.dk', CHOSEN)).status).toBe(200);
    expect((await confirm(token, CHOSEN)).body.code).toBe('password_token_invalid');
  });

  it('refuses a guessable password from the administrator too (400 password_too_weak), creating nobody', async () => {
    const admin = await t.adminToken();
    for (const password of ['1234567890', 'password123', 'Password1234', 'jonas.svag@hedensted.dk', 'Jonas Svag 1']) {
      const res = await t.request('POST', '/api/people', { token: admin, body: { name: 'Jonas Svag', email: 'jonas.svag@hedensted.dk', password } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('password_too_weak');
    }
    expect((await t.request('GET', '/api/people?q=jonas.svag', { token: admin })).body.items).toHaveLength(0);
    const jonas = await t.request('POST', '/api/people', { token: admin, body: { name: 'Jonas Svag', email: 'jonas.svag@hedensted.dk' } });
    const patch = await t.request('PATCH', `/api/people/${jonas.body.id}`, { token: admin, body: { password: 'svagjonas123' } });
    expect(patch.status).toBe(400);
    expect(patch.body.code).toBe('password_too_weak');
    expect(patch.body.message).toMatch(/Adgangskoden er for let at gætte/);
  });
});

describe('an expired link', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '200', PASSWORD_RESET_LINK_VALID_SECONDS: '1' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('is refused once PASSWORD_RESET_LINK_VALID_SECONDS have passed', async () => {
    const fixtures = await t.fixtures();
    const kim = await fixtures.person({ name: 'Kim Forsinket', login: true });
    expect((await t.request('POST', '/api/auth/password-reset', { body: { email: kim.email } })).status).toBe(202);
    const token = tokenIn(await mailTo(smtp, kim.email, 'Ny adgangskode til udvalgsarbejdet'));
    await sleep(1_100);
    const late = await t.request('POST', '/api/auth/password-reset/confirm', { body: { token, password: CHOSEN } });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('password_token_invalid');
    expect((await t.request('POST', '/api/auth/login', { body: { email: kim.email, password: FIXTURE_PASSWORD } })).status).toBe(200);
  });
});
