import { ADMIN, startTestApp, type TestApp } from '@app/test-kit';

interface Entry {
  id: string;
  action: string;
  actorEmail: string | null;
  requestId: string | null;
  clientRequestId: string | null;
  ip: string | null;
  statusCode: number | null;
  details: Record<string, unknown> | null;
}

describe('the audit trail: logins, client addresses, request ids, and anonymous refusals counted', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const trail = async (query: string): Promise<Entry[]> => (await t.request('GET', `/api/audit?limit=500&${query}`, { token: admin })).body.items;

  it('records a successful login with the person and the client address', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: ADMIN, headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(res.status).toBe(200);
    const logins = await trail('action=auth.login');
    expect(logins).toContainEqual(expect.objectContaining({ action: 'auth.login', actorEmail: ADMIN.email, ip: '203.0.113.7', statusCode: 200 }));
  });

  it("stores the server's own request id, with the client's x-request-id kept beside it", async () => {
    const res = await t.request('POST', '/api/bodies', {
      token: admin,
      body: { name: 'Revisionskommune', kind: 'municipality' },
      headers: { 'x-request-id': 'chosen-by-the-client', 'x-forwarded-for': '203.0.113.8' },
    });
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).not.toBe('chosen-by-the-client');
    const [entry] = await trail(`entityType=body&entityId=${res.body.id}`);
    expect(entry).toMatchObject({ clientRequestId: 'chosen-by-the-client', requestId: res.headers['x-request-id'], ip: '203.0.113.8' });
    expect(entry.requestId).not.toBe('chosen-by-the-client');
  });

  it('counts 300 anonymous bad-token refusals from one address in a bounded number of rows', async () => {
    const ip = '203.0.113.99';
    const before = (await trail('action=request.refused')).length;
    for (let i = 0; i < 300; i += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => t.request('GET', '/api/audit', { token: 'forged-token', headers: { 'x-forwarded-for': ip } })),
      );
      for (const answer of answers) expect(answer.status).toBe(401);
    }
    const refused = await trail('action=request.refused');
    const mine = refused.filter((e) => e.ip === ip);
    expect(refused.length - before).toBeLessThanOrEqual(2);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.reduce((sum, e) => sum + Number(e.details?.count ?? 1), 0)).toBe(300);
    expect(mine[0]).toMatchObject({ statusCode: 401, actorEmail: null });
  });

  it('pages through entries sharing one instant without skipping or repeating one, the filters carried in the cursor', async () => {
    // 23 entries written in one statement share one instant, as many writes of one transaction do.
    await t.dataSource.query(
      `INSERT INTO audit_entry (action, entity_type, entity_id, at) SELECT 'paging.same-instant', 'paging', n::text, '2026-06-01T10:00:00.123456Z' FROM generate_series(1, 23) AS n`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `cursor=${encodeURIComponent(cursor)}&limit=5` : 'action=paging.same-instant&limit=5';
      const page = await t.request('GET', `/api/audit?${query}`, { token: admin });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.items.map((entry: Entry & { entityId: string }) => entry.entityId));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);

    const first = await t.request('GET', '/api/audit?action=paging.same-instant&limit=5', { token: admin });
    const changed = await t.request('GET', `/api/audit?action=auth.login&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: admin });
    expect(changed).toMatchObject({ status: 400, body: { code: 'cursor_filters_changed' } });
    expect((await t.request('GET', '/api/audit?cursor=bm90LWEtY3Vyc29y', { token: admin })).body.code).toBe('invalid_cursor');
    expect((await t.request('GET', '/api/audit?limit=501', { token: admin })).status).toBe(400);
  });
});
