import pino from 'pino';
import { prepareDatabase } from '@app/database';
import { ADMIN, PrivatePostgresServer, startTestApp, type TestApp, waitUntil } from '@app/test-kit';

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
