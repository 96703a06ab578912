import type { ParsedMail } from 'mailparser';
import { Build, seatMembersWithoutLogin, SmtpServer, startTestApp, type TestApp, waitUntil } from '@app/test-kit';

const MEMBERS = 200;

function recipientOf(mail: ParsedMail): string {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;
}

describe('a 200-member agenda fan-out when the worker process is killed in the middle', () => {
  let smtp: SmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    Build.ensureBuilt();
    // Each message takes a moment to be accepted, so the kill lands while many are in flight.
    smtp = await SmtpServer.start({ acceptDelayMs: 25 });
    // The API in this process; the workers are processes from the build, as in production.
    t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  }, 360_000);
  afterAll(async () => {
    // Stops the worker processes too.
    await t?.close();
    await smtp?.close();
  });

  it('delivers each member exactly one agenda e-mail after a SIGKILL and a new worker (a resend after the kill carries the same Message-ID)', async () => {
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Byrådet', kind: 'council', mandateStart: '2024-01-01', mandateEnd: null });
    // Without a login (so without a welcome e-mail among the agendas); the administrator does the secretary's part.
    const secretary = await fixtures.person({ name: 'Sekretariatet', email: 'sekretariatet@hedensted.dk' });
    await fixtures.seat(committee.id, secretary.id, 'secretary');
    const admin = await t.adminToken();
    await seatMembersWithoutLogin(t.dataSource, committee.id, MEMBERS - 1, 'hedensted.dk');
    const request = (method: string, url: string, body: unknown) => t.request(method, url, { token: admin, body });
    const meeting = await request('POST', `/api/committees/${committee.id}/meetings`, { startsAt: '2027-02-02T17:00:00+01:00', location: 'Byrådssalen' });
    const item = await request('POST', `/api/meetings/${meeting.body.id}/items`, { title: 'Budget 2028' });
    await request('POST', `/api/items/${item.body.id}/transitions`, { event: 'mark-ready' });

    const env = { SMTP_URL: smtp.url, DELIVERY_LEASE_MS: '4000', DELIVERY_LEASE_RENEWAL_MS: '1000', OUTBOX_POLL_INTERVAL_MS: '200', OUTBOX_RECONCILE_INTERVAL_MS: '1000' };
    const first = await t.startProcess('worker', env);
    expect((await request('POST', `/api/meetings/${meeting.body.id}/transitions`, { event: 'publish' })).status).toBe(200);

    await waitUntil(() => smtp.count >= 40, { timeoutMs: 60_000 }, async () => `Gave up waiting for the first e-mails\n${await first.output()}`);
    await first.kill();
    const receivedBeforeKill = smtp.count;
    expect(receivedBeforeKill).toBeLessThan(MEMBERS);

    const second = await t.startProcess('worker', env);
    const sent = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE status = 'sent'`))[0].n as number;
    await waitUntil(async () => (await sent()) === MEMBERS, { timeoutMs: 150_000 }, async () => `Gave up waiting for ${MEMBERS} sent deliveries (${await sent()} sent)\n${await second.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // PostgreSQL: the fan-out wrote one job per member, once; every delivery is sent, once.
    const [jobs] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE job_name = 'send-agenda-mail')::int AS mails, count(*) FILTER (WHERE job_name = 'fan-out-agenda-mail')::int AS rounds,
              count(*) FILTER (WHERE processed_at IS NULL)::int AS open
         FROM outbox_message`,
    );
    expect(jobs).toEqual({ mails: MEMBERS, rounds: 1, open: 0 });
    const deliveries: { recipient: string; message_id: string; attempts: number }[] = await t.dataSource.query(
      `SELECT recipient, message_id, attempts FROM delivery WHERE kind = 'agenda'`,
    );
    expect(deliveries).toHaveLength(MEMBERS);

    // The SMTP server: every member, each with one message. A message the killed worker had handed over but not yet
    // recorded is sent again by the new worker once its lease ends, as the same message (same Message-ID).
    const byRecipient = new Map<string, Set<string>>();
    for (const mail of await smtp.mails()) byRecipient.set(recipientOf(mail), (byRecipient.get(recipientOf(mail)) ?? new Set()).add(mail.messageId as string));
    expect(byRecipient.size).toBe(MEMBERS);
    expect([...byRecipient.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    const messageIdOf = new Map(deliveries.map((d) => [d.recipient, d.message_id]));
    for (const [recipient, ids] of byRecipient) expect([...ids]).toEqual([messageIdOf.get(recipient)]);
    const resends = smtp.count - MEMBERS;
    expect(resends).toBeLessThanOrEqual(deliveries.filter((d) => d.attempts > 1).length);
  }, 240_000);
});
