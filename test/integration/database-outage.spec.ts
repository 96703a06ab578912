import pino from 'pino';
import { prepareDatabase } from '@app/database';
import { ADMIN, PrivatePostgresServer, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained, waitUntil } from '@app/test-kit';

describe('while the database server is down', () => {
  let postgres: PrivatePostgresServer;
  let t: TestApp;

  beforeAll(async () => {
    // A server of this test's own, since it is stopped below; the app gets its database, migrated as npm start does.
    postgres = await PrivatePostgresServer.start('outage');
    const databaseUrl = postgres.urlOf('committee_work');
    await prepareDatabase(databaseUrl, pino({ level: 'silent' }));
    t = await startTestApp({ env: { DATABASE_URL: databaseUrl } });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await postgres?.close();
  });

  it('answers 503 database_unavailable with Retry-After to reads, writes and logins, never 500, and serves again once it is back', async () => {
    const token = await t.adminToken();
    const body = await t.request('POST', '/api/bodies', { token, body: { name: 'Hedensted Kommune', kind: 'municipality' } });
    expect(body.status).toBe(201);

    await postgres.stopServer();
    const during = await Promise.all([
      t.request('GET', '/api/bodies', { token }),
      t.request('GET', `/api/bodies/${body.body.id}`, { token }),
      t.request('POST', '/api/bodies', { token, body: { name: 'Region Midtjylland', kind: 'region' } }),
      t.request('POST', '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } }),
      t.request('GET', '/api/public/meetings'),
    ]);
    for (const answer of during) {
      expect(answer).toMatchObject({ status: 503, body: { statusCode: 503, code: 'database_unavailable' } });
      expect(answer.headers['retry-after']).toBe('5');
    }
    const health = await t.request('GET', '/api/health');
    expect(health.status).toBe(503);

    await postgres.startServer();
    await waitUntil(async () => (await t.request('GET', '/api/bodies', { token })).status === 200, { timeoutMs: 30_000 }, () => 'The API did not serve again within 30 s of the database coming back');
    const bodies = await t.request('GET', '/api/bodies', { token });
    // The write refused during the outage left nothing behind.
    expect(JSON.stringify(bodies.body)).not.toContain('Region Midtjylland');
    expect((await t.request('POST', '/api/bodies', { token, body: { name: 'Region Midtjylland', kind: 'region' } })).status).toBe(201);
  });
});

describe('an agenda fan-out while the database server is down', () => {
  const MEMBERS = 30;
  let postgres: PrivatePostgresServer;
  let smtp: SmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    postgres = await PrivatePostgresServer.start('fan-out-outage');
    const databaseUrl = postgres.urlOf('committee_work');
    await prepareDatabase(databaseUrl, pino({ level: 'silent' }));
    // Each message takes a moment, so the outage begins while most are still to be sent.
    smtp = await SmtpServer.start({ acceptDelayMs: 50 });
    // Two attempts, 50 ms apart: the old rules would use up every job that ran while the database was away.
    t = await startTestApp({
      worker: true,
      env: { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '50', DELIVERY_RETRY_MAX_DELAY: '500ms', OUTBOX_RECONCILE_INTERVAL_MS: '1000', OUTBOX_POLL_INTERVAL_MS: '200' },
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await postgres?.close();
  });

  it('delivers every member the agenda exactly once after the database comes back', async () => {
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const secretary = await fixtures.person({ name: 'Sekretariatet', email: 'sekretariatet@hedensted.dk' });
    await fixtures.seat(committee.id, secretary.id, 'secretary');
    for (let n = 1; n < MEMBERS; n++) await fixtures.seat(committee.id, (await fixtures.person({ name: `Medlem ${n}`, email: `medlem${n}@hedensted.dk` })).id, 'member');
    const admin = await t.adminToken();
    const meeting = await t.request('POST', `/api/committees/${committee.id}/meetings`, { token: admin, body: { startsAt: '2027-02-02T17:00:00+01:00', location: 'Byrådssalen' } });
    const item = await t.request('POST', `/api/meetings/${meeting.body.id}/items`, { token: admin, body: { title: 'Budget 2028' } });
    await t.request('POST', `/api/items/${item.body.id}/transitions`, { token: admin, body: { event: 'mark-ready' } });
    expect((await t.request('POST', `/api/meetings/${meeting.body.id}/transitions`, { token: admin, body: { event: 'publish' } })).status).toBe(200);

    await waitUntil(() => smtp.count >= 3, { timeoutMs: 20_000 }, () => `Only ${smtp.count} e-mails before the outage`);
    await postgres.stopServer();
    const beforeOutage = smtp.count;
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(beforeOutage).toBeLessThan(MEMBERS);
    await postgres.startServer();

    await waitUntil(() => smtp.count >= MEMBERS, { timeoutMs: 60_000 }, () => `Only ${smtp.count} of ${MEMBERS} e-mails arrived after the outage`);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const recipients = (await smtp.mails()).map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address);
    expect(recipients).toHaveLength(MEMBERS);
    expect(new Set(recipients).size).toBe(MEMBERS);
    const [{ failed }] = await t.dataSource.query(`SELECT count(*)::int AS failed FROM outbox_message WHERE outcome = 'failed'`);
    expect(failed).toBe(0);
  });
});
