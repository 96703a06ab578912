import type { Queue } from 'bullmq';
import { deleteQueueKeys, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained, waitUntil } from '@app/test-kit';
import { OutboxQueues, OutboxReconcilerService, OutboxRelayService, OutboxService } from '@app/outbox';
import { Person } from '@app/people';

/** What PeopleService does when it sets a password: the person and the welcome job in one transaction. */
async function givePersonALogin(t: TestApp, name: string, email: string, availableAt?: Date) {
  return t.dataSource.transaction(async (manager) => {
    const { identifiers } = await manager.insert(Person, { name, email, roles: [], passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$stored-hash' });
    const personId = identifiers[0].id as string;
    const outboxId = await t.app.get(OutboxService).add(manager, 'send-welcome-email', { personId }, { availableAt });
    return { personId, outboxId };
  });
}

async function outboxRow(t: TestApp, id: string) {
  const [row] = await t.dataSource.query(`SELECT * FROM outbox_message WHERE id = $1`, [id]);
  return row;
}

async function deliveryOf(t: TestApp, key: string) {
  const [row] = await t.dataSource.query(`SELECT * FROM delivery WHERE key = $1`, [key]);
  return row;
}

async function jobsHeld(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('wait', 'prioritized', 'delayed', 'active');
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

describe('outbox to SMTP', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let relay: OutboxRelayService;
  let reconciler: OutboxReconcilerService;
  let mailQueue: Queue;

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url } });
    relay = t.app.get(OutboxRelayService);
    reconciler = t.app.get(OutboxReconcilerService);
    mailQueue = t.app.get(OutboxQueues).queueOf('send-welcome-email') as Queue;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());
  afterEach(() => mailQueue.resume());

  it('sends many e-mails over the few SMTP connections of its pool', async () => {
    const connectionsBefore = smtp.connections();
    for (let n = 1; n <= 30; n++) await givePersonALogin(t, `Modtager ${n}`, `modtager-${n}@kommune.dk`);
    await waitForOutboxDrained(t.dataSource);
    await smtp.waitFor(30);
    expect(smtp.connections() - connectionsBefore).toBeLessThanOrEqual(t.config.SMTP_POOL_CONNECTIONS);
    const [{ sent }] = await t.dataSource.query(`SELECT count(*)::int AS sent FROM delivery WHERE recipient LIKE 'modtager-%' AND status = 'sent' AND attempts = 1`);
    expect(sent).toBe(30);
  });

  it('sends a welcome e-mail once though the relay runs twice and Redis loses the job', async () => {
    // Paused in Redis, so the job waits while the test plays relay and reconciler against it.
    await mailQueue.pause();
    const { personId, outboxId } = await givePersonALogin(t, 'Mette Frederiksen', 'mette@kommune.dk');

    // The app's own relay, woken by the commit, may hold the row while these two skip it; its commit follows.
    await Promise.all([relay.relayDueMessages(), relay.relayDueMessages()]);
    await waitUntil(async () => (await outboxRow(t, outboxId)).enqueued_at !== null, { timeoutMs: 5_000 }, () => 'the row was never marked enqueued');
    expect(await jobsHeld(mailQueue)).toBe(1);

    // A relay whose commit was lost after its add reached Redis: the row looks unrelayed and is added again.
    await t.dataSource.query(`UPDATE outbox_message SET enqueued_at = NULL WHERE id = $1`, [outboxId]);
    expect(await relay.relayDueMessages()).toBe(1);
    expect(await jobsHeld(mailQueue)).toBe(1);

    // Redis forgets everything (and with it the pause); the reconciler puts the job back, once.
    expect(await deleteQueueKeys(t.config)).toBeGreaterThan(0);
    expect(await mailQueue.getJob(outboxId)).toBeUndefined();
    expect(await reconciler.reconcile()).toBe(1);
    expect(await reconciler.reconcile()).toBe(0);

    await waitForOutboxDrained(t.dataSource);
    const [mail] = await smtp.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await smtp.mails()).toHaveLength(1);

    const delivery = await deliveryOf(t, `welcome:${personId}`);
    expect(delivery).toMatchObject({ status: 'sent', kind: 'welcome', recipient: 'mette@kommune.dk', person_id: personId, attempts: 1, last_error: null });
    expect(delivery.sent_at).not.toBeNull();
    expect(await outboxRow(t, outboxId)).toMatchObject({ outcome: 'done', attempts: 1 });

    expect(mail.subject).toBe('Velkommen til udvalgsarbejdet');
    expect(mail.messageId).toBe(delivery.message_id);
    expect(mail.to).toMatchObject({ value: [{ address: 'mette@kommune.dk' }] });
    expect(mail.text).toContain('Kære Mette Frederiksen');
    expect(mail.text).toContain(`${t.config.PUBLIC_BASE_URL}/ny-adgangskode?token=`);
    expect(mail.text).toContain(`Udvalgsarbejdet: ${t.config.PUBLIC_BASE_URL}/`);
    expect(mail.text).not.toMatch(/argon2|stored-hash/);
  });

  it('does not send again when the job runs again after a crash that kept its outcome from being recorded', async () => {
    const { personId, outboxId } = await givePersonALogin(t, 'Lars Løkke', 'lars@kommune.dk');
    await waitForOutboxDrained(t.dataSource);
    await smtp.waitFor(1);

    await t.dataSource.query(`UPDATE outbox_message SET processed_at = NULL, outcome = NULL WHERE id = $1`, [outboxId]);
    expect(await reconciler.reconcile()).toBe(1);
    await waitForOutboxDrained(t.dataSource);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(await smtp.mails()).toHaveLength(1);
    expect(await deliveryOf(t, `welcome:${personId}`)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await outboxRow(t, outboxId)).toMatchObject({ outcome: 'done' });
  });

  it('waits out the lease of a worker that died while sending, then sends without spending an attempt', async () => {
    const { personId, outboxId } = await t.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(Person, { name: 'Pia Olsen', email: 'pia@kommune.dk', roles: [], passwordHash: 'stored-hash' });
      const id = identifiers[0].id as string;
      await manager.query(
        `INSERT INTO delivery (key, kind, recipient, person_id, status, message_id, attempts, claimed_until)
         VALUES ($1, 'welcome', 'pia@kommune.dk', $2, 'sending', '<left-by-a-dead-worker@localhost>', 1, now() + interval '1500 milliseconds')`,
        [`welcome:${id}`, id],
      );
      return { personId: id, outboxId: await t.app.get(OutboxService).add(manager, 'send-welcome-email', { personId: id }) };
    });

    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await smtp.mails()).toHaveLength(0);
    await waitForOutboxDrained(t.dataSource);
    const [mail] = await smtp.waitFor(1);

    expect(mail.messageId).toBe('<left-by-a-dead-worker@localhost>');
    expect(await deliveryOf(t, `welcome:${personId}`)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await outboxRow(t, outboxId)).toMatchObject({ outcome: 'done', attempts: 1 });
  });

  it('drops the job when the person lost the login before it ran', async () => {
    await mailQueue.pause();
    const { personId, outboxId } = await givePersonALogin(t, 'Anders Fogh', 'anders@kommune.dk');
    await relay.relayDueMessages();
    await t.dataSource.query(`UPDATE person SET password_hash = NULL WHERE id = $1`, [personId]);
    await mailQueue.resume();

    await waitForOutboxDrained(t.dataSource);
    expect(await outboxRow(t, outboxId)).toMatchObject({ outcome: 'dropped', attempts: 1 });
    expect(await deliveryOf(t, `welcome:${personId}`)).toBeUndefined();
    expect(await smtp.mails()).toHaveLength(0);
  });

  it('puts jobs due soon on the queue as delayed jobs and leaves later ones in PostgreSQL', async () => {
    const soon = await givePersonALogin(t, 'Helle Thorning', 'helle@kommune.dk', new Date(Date.now() + 1500));
    const later = await givePersonALogin(t, 'Poul Schlüter', 'poul@kommune.dk', new Date(Date.now() + 60 * 60_000));
    await relay.relayDueMessages();

    expect(await mailQueue.getJobState(soon.outboxId)).toBe('delayed');
    expect((await outboxRow(t, later.outboxId)).enqueued_at).toBeNull();
    expect(await mailQueue.getJob(later.outboxId)).toBeUndefined();

    await smtp.waitFor(1);
    await waitForOutboxDrained(t.dataSource);
    expect((await smtp.mails()).map((m) => m.to)).toMatchObject([{ value: [{ address: 'helle@kommune.dk' }] }]);
    expect((await outboxRow(t, later.outboxId)).processed_at).toBeNull();
  });

  it('marks a row naming a job this version does not know as failed rather than stalling the relay', async () => {
    const [{ id }] = await t.dataSource.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('send-fax', '{}') RETURNING id`);
    await relay.relayDueMessages();
    expect(await outboxRow(t, id)).toMatchObject({ outcome: 'failed', last_error: 'Unknown job send-fax', enqueued_at: null });
    expect(await smtp.mails()).toHaveLength(0);
  });
});
