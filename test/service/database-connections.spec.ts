import { type ServiceModule, startServiceModule } from '@app/test-kit';

describe('the application’s database connections', () => {
  let s: ServiceModule;

  beforeAll(async () => {
    s = await startServiceModule();
  });
  afterAll(() => s?.close());

  it('never compile a statement with JIT, however costly PostgreSQL estimates it', async () => {
    expect(await s.dataSource.query('SHOW jit')).toEqual([{ jit: 'off' }]);
    // Estimated far above jit_above_cost (100,000 by default), so with JIT on its plan would carry a JIT section;
    // only planned, never run.
    const costly = 'SELECT count(*) FROM generate_series(1, 1000) a, generate_series(1, 1000) b, generate_series(1, 1000) c';
    const [{ 'QUERY PLAN': plan }] = await s.dataSource.query(`EXPLAIN (FORMAT JSON) ${costly}`);
    expect(plan[0].Plan['Total Cost']).toBeGreaterThan(1_000_000);
    expect(plan[0]).not.toHaveProperty('JIT');
  });
});
