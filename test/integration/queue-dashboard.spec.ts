import { ADMIN, Build, type LoggedIn, startTestApp, type TestApp } from '@app/test-kit';

const DASHBOARD = '/api/admin/queues';

function basic(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
}

/**
 * The dashboard runs in the built API: Jest cannot load Bull Board's static-file server (a CommonJS package that
 * requires an ES module), so the test starts the API process from dist/ on the test app's database.
 */
describe('the queue dashboard at /api/admin/queues', () => {
  let t: TestApp;
  let base: string;
  let member: LoggedIn;
  let bodyAdmin: LoggedIn;
  let admin: string;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    Build.ensureBuilt();
    t = await startTestApp();
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee();
    member = await fixtures.member(committee.id, 'member');
    bodyAdmin = await fixtures.person({ name: 'Administrator Hedensted', roles: ['admin'], bodyIds: [committee.bodyId], login: true });
    admin = await t.adminToken();
    // Started once GET /api/health answers 200.
    base = (await t.startProcess('api')).baseUrl;
  }, 360_000);
  afterAll(async () => {
    // Stops the API process too.
    await t?.close();
  });

  it('asks a browser without a login for one, and refuses a member with 403, both in the audit trail', async () => {
    const anonymous = await get(DASHBOARD);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(await anonymous.json()).toMatchObject({ statusCode: 401, code: 'unauthenticated' });

    const asMember = await get(`${DASHBOARD}/api/queues`, { authorization: `Bearer ${member.token}` });
    expect(asMember.status).toBe(403);
    expect(await asMember.json()).toMatchObject({ statusCode: 403, message: 'Only an administrator of the whole installation may see the queues' });
    // The queues carry every body's work: an administrator of one body is refused too.
    const asBodyAdmin = await get(`${DASHBOARD}/api/queues`, { authorization: `Bearer ${bodyAdmin.token}` });
    expect(asBodyAdmin.status).toBe(403);
    expect((await get(DASHBOARD, { authorization: basic(ADMIN.email, 'wrong-password') })).status).toBe(401);

    const refused: { status_code: number; actor_id: string | null }[] = await t.dataSource.query(
      `SELECT status_code, actor_id FROM audit_entry WHERE action = 'request.refused' AND details->>'path' LIKE '/api/admin/queues%' ORDER BY at`,
    );
    expect(refused.map((r) => r.status_code)).toEqual([401, 403, 403, 401]);
    expect(refused[1].actor_id).toBe(member.id);
  });

  it('shows an admin every queue, read-only', async () => {
    const page = await get(DASHBOARD, { authorization: `Bearer ${admin}` });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>Udvalgsarbejde</title>');

    const queues = await get(`${DASHBOARD}/api/queues`, { authorization: `Bearer ${admin}` });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(body.queues.map((q) => q.name)).toEqual(expect.arrayContaining(['mail', 'fan-out', 'reminders']));
    expect(body.queues.every((q) => q.readOnlyMode)).toBe(true);
    const retry = await fetch(`${base}${DASHBOARD}/api/queues/mail/retry/failed`, { method: 'PUT', headers: { authorization: `Bearer ${admin}` } });
    expect(retry.status).toBeGreaterThanOrEqual(400);
  });

  it('lets a browser log in once with its password prompt and keeps the login in a strict cookie for the dashboard only', async () => {
    const login = await get(DASHBOARD, { authorization: basic(ADMIN.email, ADMIN.password) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') as string;
    expect(cookie).toMatch(/^cw_admin_api_admin_queues=[\w-]+\.[\w-]+\.[\w-]+; Path=\/api\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const withCookie = await get(`${DASHBOARD}/api/queues`, { cookie: cookie.split(';')[0] });
    expect(withCookie.status).toBe(200);
    // Remembered Basic credentials ride along with requests other sites provoke; they never change anything.
    const changeWithBasic = await fetch(`${base}${DASHBOARD}/api/queues/mail/pause`, { method: 'PUT', headers: { authorization: basic(ADMIN.email, ADMIN.password) } });
    expect(changeWithBasic.status).toBe(401);
  });
});
