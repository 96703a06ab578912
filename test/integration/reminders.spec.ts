import type { Queue } from 'bullmq';
import type { ParsedMail } from 'mailparser';
import {
  deleteQueueKeys,
  Fixtures,
  type LoggedIn,
  SmtpServer,
  startTestApp,
  type TestApp,
  waitForOutboxDrained,
} from '@app/test-kit';
import { copenhagenInstant, DEFAULT_REMINDER_OFFSETS, phaseEndingReminderDay, quarterOf, type ReminderKind, todayInCopenhagen, WorkingDayCalendar } from '@app/domain';
import { OutboxQueues, OutboxRelayService } from '@app/outbox';
import { reminderKey } from '@app/reminders';

interface OutboxRow {
  id: string;
  available_at: Date;
  enqueued_at: Date | null;
  processed_at: Date | null;
  outcome: string | null;
  attempts: number;
  payload: { kind: ReminderKind; subjectId: string; dueOn: string; basis: string };
}

function recipientOf(mail: ParsedMail): string {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;
}

/** The quarter `offset` quarters from today's, e.g. 2027-Q1. */
function quarterFromNow(offset: number): string {
  const [year, quarter] = quarterOf(todayInCopenhagen()).split('-Q').map(Number);
  const index = year * 4 + quarter - 1 + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

describe('reminders scheduled from PostgreSQL as delayed jobs', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let bodyId: string;
  let secretary: LoggedIn;
  let director: LoggedIn;

  const send = async (who: LoggedIn, method: string, url: string, body?: unknown) => {
    const response = await t.request(method, url, { token: who.token, body });
    if (response.status >= 300) throw new Error(`${method} ${url} answered ${response.status}: ${response.text}`);
    return response.body;
  };

  async function meeting(startsAt: string, committee = committeeId, who = secretary): Promise<string> {
    return (await send(who, 'POST', `/api/committees/${committee}/meetings`, { startsAt, location: 'Rådhuset' })).id;
  }

  async function publish(meetingId: string, who = secretary): Promise<void> {
    const item = await send(who, 'POST', `/api/meetings/${meetingId}/items`, { title: 'Orientering' });
    await send(who, 'POST', `/api/items/${item.id}/transitions`, { event: 'mark-ready' });
    await send(who, 'POST', `/api/meetings/${meetingId}/transitions`, { event: 'publish' });
  }

  /** The subject's reminder rows of a kind, oldest first. */
  async function reminderRows(kind: ReminderKind, subjectId: string): Promise<OutboxRow[]> {
    return t.dataSource.query(`SELECT * FROM outbox_message WHERE dedupe_key = $1 ORDER BY created_at`, [reminderKey(kind, subjectId)]);
  }

  async function pendingReminder(kind: ReminderKind, subjectId: string): Promise<OutboxRow> {
    const pending = (await reminderRows(kind, subjectId)).filter((row) => !row.processed_at);
    expect(pending).toHaveLength(1);
    return pending[0];
  }

  /** Moves the reminder's time to `inMs` from now, as the clock reaching its working day would. */
  async function bringDue(kind: ReminderKind, subjectId: string, inMs = 0): Promise<void> {
    await t.dataSource.query(`UPDATE outbox_message SET available_at = now() + $2::double precision * interval '1 millisecond' WHERE dedupe_key = $1 AND processed_at IS NULL`, [
      reminderKey(kind, subjectId),
      inMs,
    ]);
  }

  async function deliveriesOf(subjectId: string): Promise<{ kind: string; recipient: string; status: string; created_at: Date }[]> {
    return t.dataSource.query(`SELECT kind, recipient, status, created_at FROM delivery WHERE subject_id = $1 ORDER BY recipient`, [subjectId]);
  }

  beforeAll(async () => {
    // An address the mail server does not know, as a mistyped one: refused for good (550) every time.
    smtp = await SmtpServer.start({ refusesForGood: (address) => address.startsWith('ukendt') });
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, OUTBOX_POLL_INTERVAL_MS: '200', OUTBOX_RECONCILE_INTERVAL_MS: '1000' } });
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    bodyId = committee.bodyId;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara', email: 'sara@hedensted.dk' });
    await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen', email: 'birgit@hedensted.dk' });
    await fixtures.member(committeeId, 'member', { name: 'Anders Andersen', email: 'anders@hedensted.dk' });
    director = await fixtures.person({ name: 'Direktør Dorthe', email: 'dorthe@hedensted.dk', roles: ['director'], bodyIds: [bodyId], login: true });
    await fixtures.person({ name: 'Direktør Dan', email: 'dan@hedensted.dk', roles: ['director'], bodyIds: [bodyId], login: true });
    // Directors who act for another body, or for none, are not the committee's directors.
    const region = await fixtures.body({ name: 'Region Midtjylland', kind: 'region' });
    await fixtures.person({ name: 'Direktør Rita', email: 'rita@rm.dk', roles: ['director'], bodyIds: [region.id], login: true });
    await fixtures.person({ name: 'Direktør Uden Myndighed', email: 'uden@hedensted.dk', roles: ['director'], login: true });
    // The welcome e-mails of those given a login go out before the first test, which forgets them.
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());

  it('reminds the secretary and chair of an unpublished agenda at 09:00 a working day before its deadline, and moves the reminder with the meeting', async () => {
    // Tuesday 2 February 2027: the agenda is due Wednesday 27 January, so the reminder comes Tuesday 26 January at 09:00.
    const id = await meeting('2027-02-02T09:30:00+01:00');
    const first = await pendingReminder('agenda-deadline', id);
    expect(first.available_at.toISOString()).toBe('2027-01-26T08:00:00.000Z');
    expect(first.payload).toMatchObject({ kind: 'agenda-deadline', subjectId: id, dueOn: '2027-01-26' });

    // Moved to Thursday 1 April 2027, after Easter: the agenda is due Tuesday 23 March, the reminder comes Monday 22 March.
    await send(secretary, 'PATCH', `/api/meetings/${id}`, { startsAt: '2027-04-01T09:30:00+02:00' });
    const rows = await reminderRows('agenda-deadline', id);
    expect(rows.map((row) => row.outcome)).toEqual(['replaced', null]);
    expect(rows[1].available_at.toISOString()).toBe('2027-03-22T08:00:00.000Z');

    await bringDue('agenda-deadline', id);
    await smtp.waitFor(2);
    await waitForOutboxDrained(t.dataSource);
    expect((await smtp.mails()).map(recipientOf).sort()).toEqual(['birgit@hedensted.dk', 'sara@hedensted.dk']);
    const mail = (await smtp.mails()).find((m) => recipientOf(m) === 'sara@hedensted.dk')!;
    expect(mail.subject).toBe('Påmindelse: dagsordenen til Udvalg for lighed i sundhed er ikke udsendt');
    expect(mail.text).toContain('Kære Sekretær Sara');
    expect(mail.text).toContain('torsdag den 1. april 2027 kl. 9.30');
    expect(mail.text).toContain('senest tirsdag den 23. marts 2027, 4 hverdage før mødet');
    expect(mail.text).toContain(`${t.config.PUBLIC_BASE_URL}/moeder/${id}`);
    const { items: deliveries } = await send(secretary, 'GET', `/api/meetings/${id}/deliveries`);
    expect(deliveries.map((d: { kind: string; status: string }) => `${d.kind} ${d.status}`)).toEqual(['agenda-deadline-reminder sent', 'agenda-deadline-reminder sent']);
    expect(deliveries.every((d: { sequence: number | null }) => d.sequence === null)).toBe(true);
  });

  it('counts the working days on the calendar of the committee’s body', async () => {
    // Friday 8 June 2029; Tuesday the 5th is Grundlovsdag, closed by default but open in this municipality.
    const open = await fixtures.committee({
      bodyId: (await fixtures.body({ name: 'Åben Kommune', closedDays: ['12-24'] })).id,
      kind: 'standing',
      mandateStart: '2024-01-01',
      mandateEnd: null,
    });
    const openSecretary = await fixtures.member(open.id, 'secretary');
    // Its welcome e-mail must not arrive in a later test.
    await waitForOutboxDrained(t.dataSource);
    const atOpen = await meeting('2029-06-08T09:30:00+02:00', open.id, openSecretary);
    const atDefault = await meeting('2029-06-08T09:30:00+02:00');
    expect((await pendingReminder('agenda-deadline', atOpen)).payload.dueOn).toBe('2029-06-01');
    expect((await pendingReminder('agenda-deadline', atDefault)).payload.dueOn).toBe('2029-05-31');
  });

  it("reminds the directors of the committee's body, and only them, of a kommissorium still awaiting approval on its deadline", async () => {
    const commission = await send(secretary, 'POST', `/api/committees/${committeeId}/commissions`, {
      title: 'Kommissorium for lighed i sundhed',
      purpose: 'Udvalget skal mindske ulighed i sundhed.',
      // Easter Monday 2027: really due the Wednesday before.
      approvalDeadline: '2027-03-29',
    });
    await send(secretary, 'POST', `/api/commissions/${commission.id}/transitions`, { event: 'submit' });
    const reminder = await pendingReminder('commission-approval', commission.id);
    expect(reminder.available_at.toISOString()).toBe('2027-03-24T08:00:00.000Z');

    // The directors heard of the submission at once; the reminder comes on top.
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();
    await bringDue('commission-approval', commission.id);
    await smtp.waitFor(2);
    await waitForOutboxDrained(t.dataSource);
    expect((await smtp.mails()).map(recipientOf).sort()).toEqual(['dan@hedensted.dk', 'dorthe@hedensted.dk']);
    expect((await smtp.mails())[0].subject).toBe('Påmindelse: kommissoriet for Udvalg for lighed i sundhed afventer godkendelse');
    expect((await smtp.mails())[0].text).toContain('Fristen for godkendelsen er mandag den 29. marts 2027.');
    expect((await smtp.mails())[0].text).toContain(`${t.config.PUBLIC_BASE_URL}/kommissorier/${commission.id}`);
    const reminded = (await deliveriesOf(commission.id)).filter((d) => d.kind === 'commission-approval-reminder');
    expect(reminded.map((d) => `${d.kind} ${d.status}`)).toEqual(['commission-approval-reminder sent', 'commission-approval-reminder sent']);
    await send(director, 'POST', `/api/commissions/${commission.id}/transitions`, { event: 'approve' });
    // The secretary hears of the approval; that e-mail is this test's, not the next one's.
    await waitForOutboxDrained(t.dataSource);
  });

  it('tells the secretary and chair ten working days before an active phase ends', async () => {
    const phase = await send(secretary, 'POST', `/api/committees/${committeeId}/phases`, { title: 'Partnerskaber', fromQuarter: quarterFromNow(0), toQuarter: quarterFromNow(2) });
    await send(secretary, 'POST', `/api/phases/${phase.id}/transitions`, { event: 'start' });
    const reminder = await pendingReminder('phase-ending', phase.id);
    const day = phaseEndingReminderDay(new WorkingDayCalendar(), phase.endDate, DEFAULT_REMINDER_OFFSETS);
    expect(reminder.payload).toMatchObject({ dueOn: day, basis: phase.endDate });
    expect(reminder.available_at.toISOString()).toBe(copenhagenInstant(day, '09:00').toISOString());

    await bringDue('phase-ending', phase.id);
    await smtp.waitFor(2);
    await waitForOutboxDrained(t.dataSource);
    expect((await smtp.mails()).map(recipientOf).sort()).toEqual(['birgit@hedensted.dk', 'sara@hedensted.dk']);
    expect((await smtp.mails())[0].subject).toBe('Påmindelse: fasen "Partnerskaber" slutter snart');
    await send(secretary, 'POST', `/api/phases/${phase.id}/transitions`, { event: 'complete' });
  });

  it('reminds the secretary of minutes unsigned five working days after the meeting was held', async () => {
    const started = new Date(Date.now() - 60 * 60_000);
    const id = await meeting(started.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    await publish(id);
    await send(secretary, 'POST', `/api/meetings/${id}/transitions`, { event: 'hold' });
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();
    const reminder = await pendingReminder('minutes-unsigned', id);
    expect(reminder.available_at.getTime()).toBeGreaterThan(Date.now() + 5 * 24 * 3600_000);

    await bringDue('minutes-unsigned', id);
    await smtp.waitFor(1);
    await waitForOutboxDrained(t.dataSource);
    expect((await smtp.mails()).map(recipientOf)).toEqual(['sara@hedensted.dk']);
    expect((await smtp.mails())[0].subject).toBe('Påmindelse: referatet fra Udvalg for lighed i sundhed er ikke underskrevet');
    expect((await deliveriesOf(id)).filter((d) => d.kind === 'minutes-unsigned-reminder').map((d) => d.recipient)).toEqual(['sara@hedensted.dk']);
  });

  it('gives each recipient of a reminder a delivery of their own: a 550 for the chair ends theirs failed after one attempt, and the secretary gets it', async () => {
    const committee = await fixtures.committee({ name: 'Ældreudvalget', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const otherSecretary = await fixtures.member(committee.id, 'secretary', { name: 'Sekretær Signe', email: 'signe@hedensted.dk' });
    await fixtures.member(committee.id, 'chair', { name: 'Formand Frede', email: 'ukendt-frede@hedensted.dk' });
    const id = await meeting('2027-05-04T09:30:00+02:00', committee.id, otherSecretary);
    // The new members' welcome e-mails (the chair's refused too) are not the reminder's.
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();
    const refusedBefore = smtp.refused.length;
    await bringDue('agenda-deadline', id);
    await smtp.waitFor(1);
    await waitForOutboxDrained(t.dataSource);

    expect((await smtp.mails()).map(recipientOf)).toEqual(['signe@hedensted.dk']);
    expect(smtp.refused.slice(refusedBefore)).toEqual(['ukendt-frede@hedensted.dk']);
    const page = await send(otherSecretary, 'GET', `/api/meetings/${id}/deliveries`);
    const byRecipient = Object.fromEntries(page.items.map((d: { recipient: string }) => [d.recipient, d]));
    expect(byRecipient['signe@hedensted.dk']).toMatchObject({ status: 'sent', attempts: 1, possibleResends: 0 });
    expect(byRecipient['ukendt-frede@hedensted.dk']).toMatchObject({ status: 'failed', attempts: 1, possibleResends: 0, nextAttemptAt: null });
    expect(byRecipient['ukendt-frede@hedensted.dk'].lastError).toContain('550');
    expect(page.totals).toEqual({ deliveries: 2, sent: 1, failed: 1, attempts: 2, possibleResends: 0 });
    const jobs: { outcome: string; attempts: number }[] = await t.dataSource.query(
      `SELECT outcome, attempts FROM outbox_message WHERE job_name = 'send-reminder-mail' AND payload->'reminder'->>'subjectId' = $1 ORDER BY outcome`,
      [id],
    );
    expect(jobs.map((job) => `${job.outcome} ${job.attempts}`)).toEqual(['done 1', 'failed 1']);
  });

  it('records every recipient of a due reminder pending in the transaction that finishes it, before any e-mail is tried', async () => {
    const id = await meeting('2027-05-11T09:30:00+02:00');
    await bringDue('agenda-deadline', id);
    await waitForOutboxDrained(t.dataSource);
    // Both rows exist and share the fan-out's instant: they were written together, not as each send began.
    const deliveries = await deliveriesOf(id);
    expect(deliveries.map((d) => `${d.recipient} ${d.status}`)).toEqual(['birgit@hedensted.dk sent', 'sara@hedensted.dk sent']);
    expect(deliveries[0].created_at.getTime()).toBe(deliveries[1].created_at.getTime());
  });

  it('sends nothing for a reminder whose reason is gone: the agenda went out, the kommissorium was approved, the phase completed', async () => {
    const published = await meeting('2027-05-04T09:30:00+02:00');
    await publish(published);
    expect((await reminderRows('agenda-deadline', published)).map((row) => row.outcome)).toEqual(['cancelled']);

    const other = await fixtures.committee({ bodyId, name: 'Social Omsorg', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const otherSecretary = await fixtures.member(other.id, 'secretary');
    await fixtures.member(other.id, 'chair');
    const commission = await send(otherSecretary, 'POST', `/api/committees/${other.id}/commissions`, { title: 'Kommissorium', purpose: 'Formål' });
    await send(otherSecretary, 'POST', `/api/commissions/${commission.id}/transitions`, { event: 'submit' });
    await send(director, 'POST', `/api/commissions/${commission.id}/transitions`, { event: 'approve' });
    const phase = await send(otherSecretary, 'POST', `/api/committees/${other.id}/phases`, { title: 'Afdækning', fromQuarter: quarterFromNow(0), toQuarter: quarterFromNow(1) });
    await send(otherSecretary, 'POST', `/api/phases/${phase.id}/transitions`, { event: 'start' });
    await send(otherSecretary, 'POST', `/api/phases/${phase.id}/transitions`, { event: 'complete' });
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();

    // The clock reaches their days; the jobs run, ask PostgreSQL, and find their reasons gone.
    await bringDue('commission-approval', commission.id);
    await bringDue('phase-ending', phase.id);
    await waitForOutboxDrained(t.dataSource);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const commissionRows = await reminderRows('commission-approval', commission.id);
    const phaseRows = await reminderRows('phase-ending', phase.id);
    expect([...commissionRows, ...phaseRows].map((row) => `${row.outcome} ${row.attempts}`)).toEqual(['dropped 1', 'dropped 1']);
    expect(await smtp.mails()).toHaveLength(0);
    expect([...(await deliveriesOf(commission.id)), ...(await deliveriesOf(phase.id)), ...(await deliveriesOf(published))].filter((d) => d.kind.endsWith('-reminder'))).toEqual([]);
  });

  it('delivers each reminder exactly once, on time, though Redis loses every job between scheduling and firing (the test’s own keys deleted, as FLUSHALL would)', async () => {
    const queue = t.app.get(OutboxQueues).queueOf('send-reminder') as Queue;
    const meetings = [await meeting('2027-06-01T09:30:00+02:00'), await meeting('2027-06-08T09:30:00+02:00'), await meeting('2027-06-15T09:30:00+02:00')];
    for (const id of meetings) await bringDue('agenda-deadline', id, 2_500);
    const rows = await Promise.all(meetings.map((id) => pendingReminder('agenda-deadline', id)));
    await t.app.get(OutboxRelayService).relayDueMessages();
    for (const row of rows) expect(await queue.getJobState(row.id)).toBe('delayed');

    expect(await deleteQueueKeys(t.config)).toBeGreaterThan(0);

    await smtp.waitFor(6, 15_000);
    await waitForOutboxDrained(t.dataSource);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await smtp.mails()).toHaveLength(6);
    for (const [i, id] of meetings.entries()) {
      const deliveries = await deliveriesOf(id);
      expect(deliveries.map((d) => `${d.recipient} ${d.status}`)).toEqual(['birgit@hedensted.dk sent', 'sara@hedensted.dk sent']);
      // On time: not before the reminder was due, though the reconciler put it back after Redis lost it.
      for (const delivery of deliveries) expect(delivery.created_at.getTime()).toBeGreaterThanOrEqual(rows[i].available_at.getTime());
      expect((await reminderRows('agenda-deadline', id)).map((row) => `${row.outcome} ${row.attempts}`)).toEqual(['done 1']);
    }
    expect(new Set((await smtp.mails()).map((m) => m.messageId)).size).toBe(6);
  }, 30_000);
});
