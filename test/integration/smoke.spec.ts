import { preparedStatement } from '@app/core';
import { ADMIN, startTestApp, type TestApp } from '@app/test-kit';

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

  it('sends a preparedStatement through TypeORM to PostgreSQL as a named prepared statement, planned once per connection', async () => {
    const statement = preparedStatement('smoke-probe', 'SELECT $1::int + 1 AS next');
    const runner = t.dataSource.createQueryRunner();
    try {
      expect(await runner.query(statement, [41])).toEqual([{ next: 42 }]);
      expect(await runner.query(statement, [1])).toEqual([{ next: 2 }]);
      const prepared = await runner.query(`SELECT statement FROM pg_prepared_statements WHERE name = 'smoke-probe'`);
      expect(prepared).toEqual([{ statement: 'SELECT $1::int + 1 AS next' }]);
    } finally {
      await runner.release();
    }
  });
});
