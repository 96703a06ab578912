import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SmtpServer, startTestApp, type TestApp, waitForOutboxDrained, waitUntil } from '@app/test-kit';
import { UnitOfWork } from '@app/database';
import { DeliveryIntents, DeliveryService } from '@app/mail';
import { OutboxService } from '@app/outbox';
import { Person } from '@app/people';

async function givePersonALogin(t: TestApp, name: string, email: string) {
  return t.dataSource.transaction(async (manager) => {
    const { identifiers } = await manager.insert(Person, { name, email, roles: [], passwordHash: 'stored-hash' });
    const personId = identifiers[0].id as string;
    const outboxId = await t.app.get(OutboxService).add(manager, 'send-welcome-email', { personId });
    return { personId, outboxId };
  });
}

describe('mail delivery when the SMTP server refuses for a while (451)', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let refusing = true;

  beforeAll(async () => {
    smtp = await SmtpServer.start({ refuses: (address) => refusing || address.startsWith('altid-') });
    // Three attempts and a short pause would once have used the job up within a fraction of a second.
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '20', DELIVERY_RETRY_MAX_DELAY: '200ms', DELIVERY_RETRY_WINDOW: '4s' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('keeps trying past the job\'s attempts, shows retrying with the next attempt and the error, and sends once the server accepts', async () => {
    const { personId, outboxId } = await givePersonALogin(t, 'Inger Støjberg', 'inger@kommune.dk');
    await waitUntil(() => smtp.refused.length >= 5, { timeoutMs: 10_000 }, () => `Only ${smtp.refused.length} refusals`);
    const [retrying] = await t.dataSource.query(`SELECT * FROM delivery WHERE key = $1`, [`welcome:${personId}`]);
    expect(['retrying', 'sending']).toContain(retrying.status);
    expect(retrying.last_error).toContain('451');
    const [waiting] = await t.dataSource.query(`SELECT * FROM outbox_message WHERE id = $1`, [outboxId]);
    expect(waiting).toMatchObject({ processed_at: null, attempts: 0 });
    expect(waiting.retrying_until).not.toBeNull();

    refusing = false;
    await waitForOutboxDrained(t.dataSource, 10_000);
    const [delivery] = await t.dataSource.query(`SELECT * FROM delivery WHERE key = $1`, [`welcome:${personId}`]);
    expect(delivery).toMatchObject({ status: 'sent', next_attempt_at: null, last_error: null });
    expect((await smtp.mails()).map((mail) => mail.subject)).toHaveLength(1);
  });

  it('ends failed with the reason once the retry window has passed', async () => {
    const { personId, outboxId } = await givePersonALogin(t, 'Altid Afvist', 'altid-afvist@kommune.dk');
    await waitForOutboxDrained(t.dataSource, 15_000);
    const [delivery] = await t.dataSource.query(`SELECT * FROM delivery WHERE key = $1`, [`welcome:${personId}`]);
    expect(delivery).toMatchObject({ status: 'failed', sent_at: null, next_attempt_at: null });
    expect(delivery.last_error).toContain('451');
    expect(delivery.attempts).toBeGreaterThan(3);
    const [outbox] = await t.dataSource.query(`SELECT * FROM outbox_message WHERE id = $1`, [outboxId]);
    expect(outbox).toMatchObject({ outcome: 'failed' });
    expect(outbox.last_error).toContain('451');
  });
});

describe('mail delivery when every SMTP connection is busy', () => {
  let smtp: SmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    // One connection (none kept for urgent mail), a server slow to accept, and waiting for the connection bounded to 250 ms.
    smtp = await SmtpServer.start({ acceptDelayMs: 400 });
    t = await startTestApp({
      worker: true,
      env: { SMTP_URL: smtp.url, SMTP_POOL_CONNECTIONS: '1', SMTP_URGENT_CONNECTIONS: '0', SMTP_CONNECTION_WAIT_MS: '250', JOB_ATTEMPTS: '20', JOB_BACKOFF_MS: '50' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('gives up waiting for a connection after SMTP_CONNECTION_WAIT_MS, retries, and sends each e-mail once', async () => {
    for (let n = 1; n <= 4; n++) await givePersonALogin(t, `Modtager ${n}`, `travl-${n}@kommune.dk`);
    await waitForOutboxDrained(t.dataSource, 30_000);

    const deliveries = await t.dataSource.query(`SELECT status, attempts, last_error FROM delivery WHERE recipient LIKE 'travl-%'`);
    expect(deliveries.map((d: { status: string }) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    // Some waited too long for the one connection and were sent by a later attempt.
    expect(deliveries.some((d: { attempts: number }) => d.attempts > 1)).toBe(true);
    expect((await smtp.mails()).map((m) => m.to && 'value' in m.to && m.to.value[0].address).sort()).toEqual([1, 2, 3, 4].map((n) => `travl-${n}@kommune.dk`));
  });
});

describe('mail delivery when recording a sent e-mail fails', () => {
  let smtp: SmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    // A short lease: were the recording given up, the e-mail would be sent again within seconds.
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, DELIVERY_LEASE_MS: '4000', DELIVERY_LEASE_RENEWAL_MS: '1000', JOB_BACKOFF_MS: '50' } });
    // The first two statements recording an e-mail sent are refused; a sequence counts them, since a refused
    // statement would roll a counter kept in a table back with it.
    await t.dataSource.query(`CREATE SEQUENCE recordings_of_sent`);
    await t.dataSource.query(`
      CREATE FUNCTION refuse_two_recordings_of_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'sent' AND nextval('recordings_of_sent') <= 2 THEN RAISE EXCEPTION 'recording of % refused', NEW.key; END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(`CREATE TRIGGER refuse_two_recordings_of_sent BEFORE UPDATE ON delivery FOR EACH ROW EXECUTE FUNCTION refuse_two_recordings_of_sent()`);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('tries the recording again rather than leaving the e-mail to be sent a second time', async () => {
    const { personId } = await givePersonALogin(t, 'Anne Vinther', 'anvi@hedensted.dk');
    await waitForOutboxDrained(t.dataSource, 30_000);
    // Long enough for a delivery left `sending` to outlive its lease and be sent again.
    await new Promise((resolve) => setTimeout(resolve, 6_000));

    expect(smtp.count).toBe(1);
    const [delivery] = await t.dataSource.query(`SELECT status, attempts FROM delivery WHERE key = $1`, [`welcome:${personId}`]);
    expect(delivery).toEqual({ status: 'sent', attempts: 1 });
    const [{ last_value }] = await t.dataSource.query(`SELECT last_value::int FROM recordings_of_sent`);
    expect(last_value).toBe(3);
  });
});

describe('mail delivery without SMTP_URL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
  });
  afterAll(async () => {
    await t.close();
    await rm(t.config.MAIL_OUTBOX_DIR, { recursive: true, force: true });
  });

  it('writes the e-mail as a parseable .eml file to MAIL_OUTBOX_DIR', async () => {
    const { personId } = await givePersonALogin(t, 'Søren Pape', 'soren@kommune.dk');
    await waitForOutboxDrained(t.dataSource);

    const files = (await readdir(t.config.MAIL_OUTBOX_DIR)).filter((name) => !name.startsWith('.'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const mail = await simpleParser(await readFile(join(t.config.MAIL_OUTBOX_DIR, files[0])));
    const [delivery] = await t.dataSource.query(`SELECT * FROM delivery WHERE key = $1`, [`welcome:${personId}`]);

    expect(delivery.status).toBe('sent');
    expect(mail.messageId).toBe(delivery.message_id);
    expect(mail.subject).toBe('Velkommen til udvalgsarbejdet');
    expect(mail.from?.text).toContain(t.config.MAIL_FROM.replace(/^.*</, '').replace(/>$/, ''));
    expect(mail.to).toMatchObject({ value: [{ address: 'soren@kommune.dk' }] });
    expect(mail.text).toContain('Kære Søren Pape');
    expect(mail.text).toContain(`${t.config.PUBLIC_BASE_URL}/ny-adgangskode?token=`);
    expect(mail.html).toContain(`href="${t.config.PUBLIC_BASE_URL}/"`);
  });
});

describe('deliveries recorded before their jobs run', () => {
  let t: TestApp;

  beforeAll(async () => {
    // With the worker, whose DeliveryService withdraws; no job is written for these deliveries, so none is sent.
    t = await startTestApp({ worker: true });
  });
  afterAll(() => t.close());

  const row = async (key: string) => (await t.dataSource.query(`SELECT status, attempts, last_error, recipient FROM delivery WHERE key = $1`, [key]))[0];
  const intend = (key: string, recipient: string) =>
    t.app.get(UnitOfWork).run((tx) => t.app.get(DeliveryIntents).record(tx, [{ key, kind: 'welcome', recipient }]));

  it('is withdrawn failed when its reason has gone before it was tried, and pending again when decided anew', async () => {
    await intend('welcome:intended-1', 'gammel@kommune.dk');
    expect(await row('welcome:intended-1')).toMatchObject({ status: 'pending', attempts: 0 });
    await t.app.get(DeliveryService).withdraw('welcome:intended-1', 'the person no longer exists or has no login');
    expect(await row('welcome:intended-1')).toMatchObject({ status: 'failed', last_error: 'Not sent: the person no longer exists or has no login' });

    await intend('welcome:intended-1', 'ny@kommune.dk');
    expect(await row('welcome:intended-1')).toMatchObject({ status: 'pending', attempts: 0, last_error: null, recipient: 'ny@kommune.dk' });
  });

  it('stays as it is when it was tried before: a failed attempt is sent again only on request', async () => {
    await intend('welcome:intended-2', 'afvist@kommune.dk');
    await t.dataSource.query(`UPDATE delivery SET status = 'failed', attempts = 1, last_error = '550 5.1.1 User unknown' WHERE key = 'welcome:intended-2'`);
    await intend('welcome:intended-2', 'afvist@kommune.dk');
    expect(await row('welcome:intended-2')).toMatchObject({ status: 'failed', attempts: 1, last_error: '550 5.1.1 User unknown' });
  });
});
