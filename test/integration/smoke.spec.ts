import { ADMIN, startTestApp, type TestApp } from '@app/testing';

describe('the running API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports PostgreSQL and Redis healthy without a login', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.checks.database.status).toBe('up');
    expect(res.body.checks.redis.status).toBe('up');
  });

  it('logs the bootstrap admin in', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: ADMIN });
    expect(res.status).toBe(200);
    const me = await t.request('GET', '/api/auth/me', { token: res.body.accessToken });
    expect(me.body).toMatchObject({ email: ADMIN.email, roles: ['admin'] });
  });
});
