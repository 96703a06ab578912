import { ADMIN, PrivateRedisServer, startTestApp, type TestApp } from '@app/test-kit';

describe('logging in while Redis is down', () => {
  let redis: PrivateRedisServer;
  let t: TestApp;

  beforeAll(async () => {
    // A Redis of this test's own, since it is stopped below.
    redis = await PrivateRedisServer.start();
    t = await startTestApp({ env: { REDIS_URL: redis.url, LOGIN_ATTEMPTS_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await redis?.restartEmpty();
    await t?.close();
    await redis?.stop();
  });

  it('logs in, and still limits attempts per account, counting in the process until Redis is back', async () => {
    const login = (password: string) => t.request('POST', '/api/auth/login', { body: { email: ADMIN.email, password } });
    await redis.stop();

    const first = await login(ADMIN.password);
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toEqual(expect.any(String));
    const people = await t.request('GET', '/api/people', { token: first.body.accessToken });
    expect(people.status).toBe(200);

    expect((await login('wrong-password-1')).status).toBe(401);
    expect((await login('wrong-password-2')).status).toBe(401);
    const limited = await login(ADMIN.password);
    expect(limited).toMatchObject({ status: 429, body: { code: 'too_many_login_attempts' } });
  });
});
