import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { type Fixtures, type LoggedIn, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained, waitUntil } from '@app/test-kit';
import { Phase, PhaseParticipant } from '@app/process-plans';

/** Text put into every field of a closed item that no e-mail may carry. */
const CLOSED_TEXT = 'FORTROLIGT-7f3a';

function recipientOf(mail: ParsedMail): string {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;
}

/** The invitation attached to an e-mail, read with a real iCalendar parser. */
function invitationOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.filename === 'invitation.ics');
  if (!attachment) throw new Error(`No invitation.ics in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    status: event.component.getFirstPropertyValue('status'),
    location: event.location,
  };
}

/** Waits for `count` e-mails, then a moment longer to be sure no more come. */
async function exactly(smtp: SmtpServer, t: TestApp, count: number, quietMs = 800): Promise<ParsedMail[]> {
  await smtp.waitFor(count);
  await waitForOutboxDrained(t.dataSource);
  await new Promise((resolve) => setTimeout(resolve, quietMs));
  await waitForOutboxDrained(t.dataSource);
  const mails = await smtp.mails();
  expect(mails).toHaveLength(count);
  smtp.clear();
  return mails;
}

describe('agenda e-mails over a real SMTP server', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let member: LoggedIn;
  let emails: string[];

  const as = (who: LoggedIn) => ({
    get: (url: string) => t.request('GET', url, { token: who.token }),
    post: (url: string, body: unknown = {}) => t.request('POST', url, { token: who.token, body }),
    patch: (url: string, body: unknown) => t.request('PATCH', url, { token: who.token, body }),
  });

  /** A person seated in the committee without a login, as most members are for the mail's purposes. */
  async function seat(committee: string, name: string, role: 'member' | 'vice-chair' = 'member'): Promise<string> {
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@hedensted.dk`;
    const person = await fixtures.person({ name, email });
    await fixtures.seat(committee, person.id, role);
    return email;
  }

  /** A meeting with an open item and a closed one whose every text is secret, both ready. */
  async function readyMeeting(committee: string, who: LoggedIn, startsAt = '2027-02-02T09:30:00+01:00'): Promise<string> {
    const meeting = await as(who).post(`/api/committees/${committee}/meetings`, {
      startsAt,
      endsAt: startsAt.replace('T09:30', 'T12:00'),
      location: 'Rådhuset, Mødelokale 1',
      title: 'Udvalg for lighed i sundhed',
    });
    expect(meeting.status).toBe(201);
    const id = meeting.body.id;
    const open = await as(who).post(`/api/meetings/${id}/items`, {
      title: 'Status på partnerskaber',
      startTime: '09:30',
      endTime: '10:30',
      recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
    });
    const closed = await as(who).post(`/api/meetings/${id}/items`, {
      title: 'Personsag',
      closed: true,
      closedReason: 'personal-matter',
      closedReasonText: `Personsag ${CLOSED_TEXT}`,
      startTime: '10:30',
      endTime: '11:00',
      summary: `Resume ${CLOSED_TEXT}`,
      recommendation: `Indstilling ${CLOSED_TEXT}`,
      presentation: `Sagsfremstilling ${CLOSED_TEXT}`,
      caseNumber: `${CLOSED_TEXT}-1`,
    });
    for (const item of [open.body, closed.body]) expect((await as(who).post(`/api/items/${item.id}/transitions`, { event: 'mark-ready' })).status).toBe(200);
    return id;
  }

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, AGENDA_UPDATE_COALESCE_MS: '600', OUTBOX_POLL_INTERVAL_MS: '200' } });
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara', email: 'sara@hedensted.dk' });
    chair = await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen', email: 'birgit@hedensted.dk' });
    member = await fixtures.member(committeeId, 'member', { name: 'Anders Andersen', email: 'anders@hedensted.dk' });
    emails = ['sara@hedensted.dk', 'birgit@hedensted.dk', 'anders@hedensted.dk'];
    for (const name of ['Bente Bentsen', 'Carl Carlsen', 'Dorte Dam', 'Erik Eriksen', 'Frida Friis', 'Gorm Gade', 'Hanne Holm', 'Ib Isaksen']) emails.push(await seat(committeeId, name));
    emails.push(await seat(committeeId, 'Jens Jensen', 'vice-chair'));
    expect(emails).toHaveLength(12);
    // The welcome e-mails of those given a login go out before the first test, which forgets them.
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());

  describe('one meeting through its life', () => {
    let meetingId: string;
    let uid: string;

    it('publishing a meeting with 12 members delivers 12 e-mails in Danish, each with a parseable invitation', async () => {
      meetingId = await readyMeeting(committeeId, secretary);
      expect((await as(chair).post(`/api/meetings/${meetingId}/transitions`, { event: 'publish' })).status).toBe(200);

      const mails = await exactly(smtp, t, 12);
      expect(mails.map(recipientOf).sort()).toEqual([...emails].sort());
      // The round's twelve deliveries were recorded by the fan-out's one transaction, before any e-mail was tried.
      const recorded = await t.dataSource.query(`SELECT created_at FROM delivery WHERE subject_id = $1 AND kind = 'agenda'`, [meetingId]);
      expect(recorded).toHaveLength(12);
      expect(new Set(recorded.map((row: { created_at: Date }) => row.created_at.getTime())).size).toBe(1);
      const invitations = mails.map(invitationOf);
      uid = invitations[0].uid;
      for (const invitation of invitations) {
        expect(invitation).toMatchObject({ method: 'REQUEST', uid, sequence: 0, start: '2027-02-02T08:30:00.000Z', status: 'CONFIRMED' });
      }
      const mail = mails.find((m) => recipientOf(m) === 'anders@hedensted.dk')!;
      expect(mail.subject).toBe('Dagsorden: Udvalg for lighed i sundhed, tirsdag den 2. februar 2027 kl. 9.30-12.00');
      expect(mail.text).toContain('Kære Anders Andersen');
      expect(mail.text).toContain('Sted: Rådhuset, Mødelokale 1');
      expect(mail.text).toContain('1. Status på partnerskaber (kl. 9.30-10.30)');
      expect(mail.text).toContain('2. Lukket punkt: Personalesag (kl. 10.30-11.00)');
      expect(mail.text).not.toContain('Personsag');
      expect(mail.text).toContain(`${t.config.PUBLIC_BASE_URL}/moeder/${meetingId}`);
      expect(mail.html).toContain('2. Lukket punkt: Personalesag (kl. 10.30-11.00)');
      // The e-mail carries titles and times only: none of a closed item's texts, in any part.
      for (const m of mails) {
        const everything = [m.text, m.html, ...m.attachments.map((a) => a.content.toString('utf8'))].join('\n');
        expect(everything).not.toContain(CLOSED_TEXT);
        expect(everything).not.toContain('Direktionen indstiller');
      }
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(12);
    });

    it('shows the secretary who got what and when; nobody else but an admin', async () => {
      const deliveries = await as(secretary).get(`/api/meetings/${meetingId}/deliveries`);
      expect(deliveries.status).toBe(200);
      expect(deliveries.body).toMatchObject({ nextCursor: null });
      expect(deliveries.body.items).toHaveLength(12);
      expect(deliveries.body.items.map((d: { recipient: string }) => d.recipient).sort()).toEqual([...emails].sort());
      for (const delivery of deliveries.body.items) {
        expect(delivery).toMatchObject({ kind: 'agenda', sequence: 0, status: 'sent', attempts: 1, lastError: null });
        expect(delivery.sentAt).toBeTruthy();
      }
      expect(deliveries.body.items.find((d: { recipient: string }) => d.recipient === 'birgit@hedensted.dk').personName).toBe('Birgit Jakobsen');
      expect((await as(member).get(`/api/meetings/${meetingId}/deliveries`)).status).toBe(403);
      expect((await as(chair).get(`/api/meetings/${meetingId}/deliveries`)).status).toBe(403);
      expect((await t.request('GET', `/api/meetings/${meetingId}/deliveries`, { token: await t.adminToken() })).body.items).toHaveLength(12);
      expect((await as(secretary).get('/api/meetings/3f0e7a52-0d7c-4c8e-9a43-1b1d2c3e4f50/deliveries')).status).toBe(404);
    });

    it('moving it delivers 12 updates with SEQUENCE 1', async () => {
      const moved = await as(secretary).patch(`/api/meetings/${meetingId}`, { startsAt: '2027-02-02T09:00:00+01:00', endsAt: '2027-02-02T12:00:00+01:00' });
      expect(moved.body).toMatchObject({ sequence: 1 });

      const mails = await exactly(smtp, t, 12);
      expect(mails.map(recipientOf).sort()).toEqual([...emails].sort());
      for (const mail of mails) {
        expect(invitationOf(mail)).toMatchObject({ method: 'REQUEST', uid, sequence: 1, start: '2027-02-02T08:00:00.000Z' });
        expect(mail.subject).toBe('Ændret dagsorden: Udvalg for lighed i sundhed, tirsdag den 2. februar 2027 kl. 9.00-12.00');
      }
    });

    it('sends one update for several quick changes: place, an item changed, an item added', async () => {
      const items = (await as(secretary).get(`/api/meetings/${meetingId}`)).body.items;
      expect((await as(secretary).patch(`/api/meetings/${meetingId}`, { location: 'Rådhuset, Byrådssalen' })).status).toBe(200);
      expect((await as(secretary).patch(`/api/items/${items[0].id}`, { title: 'Status på partnerskaber med civilsamfundet' })).status).toBe(200);
      expect((await as(secretary).post(`/api/meetings/${meetingId}/items`, { title: 'Eventuelt', startTime: '11:00', endTime: '11:15' })).status).toBe(201);

      const mails = await exactly(smtp, t, 12, 1_500);
      expect(mails.map(recipientOf).sort()).toEqual([...emails].sort());
      for (const mail of mails) {
        expect(invitationOf(mail)).toMatchObject({ method: 'REQUEST', uid, sequence: 4, location: 'Rådhuset, Byrådssalen' });
        expect(mail.text).toContain('1. Status på partnerskaber med civilsamfundet (kl. 9.30-10.30)');
        expect(mail.text).toContain('3. Eventuelt (kl. 11.00-11.15)');
      }
      const deliveries = (await as(secretary).get(`/api/meetings/${meetingId}/deliveries`)).body.items;
      expect(deliveries.filter((d: { kind: string }) => d.kind === 'agenda-update').map((d: { sequence: number }) => d.sequence).sort()).toEqual([
        ...Array(12).fill(1),
        ...Array(12).fill(4),
      ]);
    });

    it('cancelling sends every member METHOD:CANCEL with a raised SEQUENCE', async () => {
      expect((await as(secretary).post(`/api/meetings/${meetingId}/transitions`, { event: 'cancel' })).body.state).toBe('cancelled');

      const mails = await exactly(smtp, t, 12);
      expect(mails.map(recipientOf).sort()).toEqual([...emails].sort());
      // The cancellation's round was recorded whole up front too.
      const recorded = await t.dataSource.query(`SELECT created_at FROM delivery WHERE subject_id = $1 AND kind = 'agenda-cancellation'`, [meetingId]);
      expect(recorded).toHaveLength(12);
      expect(new Set(recorded.map((row: { created_at: Date }) => row.created_at.getTime())).size).toBe(1);
      for (const mail of mails) {
        expect(invitationOf(mail)).toMatchObject({ method: 'CANCEL', uid, sequence: 5, status: 'CANCELLED' });
        expect(mail.subject).toMatch(/^Aflyst: Udvalg for lighed i sundhed/);
        expect(mail.text).not.toContain('Dagsorden\n');
      }
    });
  });

  it('writes nobody when a meeting is cancelled before its agenda went out', async () => {
    const planned = await readyMeeting(committeeId, secretary, '2027-03-02T09:30:00+01:00');
    expect((await as(secretary).post(`/api/meetings/${planned}/transitions`, { event: 'cancel' })).status).toBe(200);
    await waitForOutboxDrained(t.dataSource);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await smtp.mails()).toHaveLength(0);
  });

  it('sends the whole agenda, not a change, to a member seated after it went out, with the next update', async () => {
    const meetingId = await readyMeeting(committeeId, secretary, '2027-04-06T09:30:00+02:00');
    await as(secretary).post(`/api/meetings/${meetingId}/transitions`, { event: 'publish' });
    await exactly(smtp, t, 12);
    const newcomer = await seat(committeeId, 'Nina Nielsen');

    await as(secretary).patch(`/api/meetings/${meetingId}`, { location: 'Rådhuset, Byrådssalen' });
    const mails = await exactly(smtp, t, 13);
    const kinds = mails.map((mail) => `${recipientOf(mail) === newcomer ? 'newcomer' : 'member'} ${mail.subject?.split(':')[0]} ${invitationOf(mail).sequence}`);
    expect(kinds.filter((kind) => kind.startsWith('newcomer'))).toEqual(['newcomer Dagsorden 1']);
    expect(kinds.filter((kind) => kind === 'member Ændret dagsorden 1')).toHaveLength(12);
  });

  it('also sends the agenda to those invited to the committee’s running phase, once each', async () => {
    const other = await fixtures.committee({ name: 'Social Omsorg', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const otherSecretary = await fixtures.member(other.id, 'secretary', { name: 'Sekretær Sofie' });
    const seated = await seat(other.id, 'Kirsten Kold');
    const guest = await fixtures.person({ name: 'Lokalrådet ved Lone', email: 'lone@lokalraad.dk' });
    const phase = await t.dataSource.getRepository(Phase).save({
      committeeId: other.id,
      title: 'Partnerskaber',
      fromQuarter: '2024-Q1',
      toQuarter: '2027-Q4',
      startDate: '2024-01-01',
      endDate: '2027-12-31',
      state: 'active',
    });
    await t.dataSource.getRepository(PhaseParticipant).save({ phaseId: phase.id, personId: guest.id });
    // A member who is also invited to the phase gets one e-mail, not two.
    await t.dataSource.getRepository(PhaseParticipant).save({ phaseId: phase.id, personId: otherSecretary.id });
    // Only the agenda counts: the new secretary's welcome e-mail goes out first and is forgotten.
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();

    const meetingId = await readyMeeting(other.id, otherSecretary);
    expect((await as(otherSecretary).post(`/api/meetings/${meetingId}/transitions`, { event: 'publish' })).status).toBe(200);
    const mails = await exactly(smtp, t, 3);
    expect(mails.map(recipientOf).sort()).toEqual([otherSecretary.email, seated, 'lone@lokalraad.dk'].sort());
  });
});

describe('agenda e-mails when mailboxes refuse', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  const refusedForGood = new Set(['fuld@hedensted.dk']);
  const refusedForNow = new Set(['travl@hedensted.dk']);

  beforeAll(async () => {
    smtp = await SmtpServer.start({ refuses: (address) => refusedForNow.has(address), refusesForGood: (address) => refusedForGood.has(address) });
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '50', DELIVERY_RETRY_MAX_DELAY: '200ms' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('shows a refusal for good as failed at once, a passing one as retrying with the next attempt, and sends a failed one again on request', async () => {
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const secretary = await fixtures.member(committee.id, 'secretary', { email: 'sekretaer@hedensted.dk' });
    await fixtures.member(committee.id, 'member', { email: 'fuld@hedensted.dk' });
    await fixtures.member(committee.id, 'member', { email: 'travl@hedensted.dk' });
    const other = await fixtures.committee({ kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const otherSecretary = await fixtures.member(other.id, 'secretary');
    const meeting = await t.request('POST', `/api/committees/${committee.id}/meetings`, {
      token: secretary.token,
      body: { startsAt: '2027-02-02T09:30:00+01:00', location: 'Rådhuset' },
    });
    const item = await t.request('POST', `/api/meetings/${meeting.body.id}/items`, { token: secretary.token, body: { title: 'Orientering' } });
    await t.request('POST', `/api/items/${item.body.id}/transitions`, { token: secretary.token, body: { event: 'mark-ready' } });
    expect((await t.request('POST', `/api/meetings/${meeting.body.id}/transitions`, { token: secretary.token, body: { event: 'publish' } })).status).toBe(200);

    type Row = { id: string; kind: string; recipient: string; status: string; attempts: number; nextAttemptAt: string | null; lastError: string | null; sentAt: string | null };
    const deliveries = async () => (await t.request('GET', `/api/meetings/${meeting.body.id}/deliveries`, { token: secretary.token })).body.items as Row[];
    const of = (rows: Row[], recipient: string) => rows.find((row) => row.recipient === recipient)!;
    // The list as it was between two of the busy mailbox's tries: read again, it may be in the middle of one.
    let rows: Row[] = [];
    await waitUntil(
      async () => {
        rows = await deliveries();
        const busy = of(rows, 'travl@hedensted.dk');
        return of(rows, 'sekretaer@hedensted.dk')?.status === 'sent' && of(rows, 'fuld@hedensted.dk')?.status === 'failed' && busy?.attempts > 3 && busy.status === 'retrying';
      },
      { timeoutMs: 15_000 },
      async () => `Deliveries never settled: ${JSON.stringify(await deliveries())}`,
    );
    const failed = of(rows, 'fuld@hedensted.dk');
    expect(failed).toMatchObject({ kind: 'agenda', status: 'failed', attempts: 1, sentAt: null, nextAttemptAt: null });
    expect(failed.lastError).toContain('550');
    const retrying = of(rows, 'travl@hedensted.dk');
    // Between two tries it says when the next one is due (a moment later than the try that failed).
    expect(retrying.status).toBe('retrying');
    expect(Date.parse(retrying.nextAttemptAt!)).toBeGreaterThan(Date.parse((retrying as Row & { createdAt: string }).createdAt));
    expect(retrying.lastError).toContain('451');

    expect((await t.request('POST', `/api/deliveries/${failed.id}/resend`, { token: otherSecretary.token })).status).toBe(403);
    expect((await t.request('POST', `/api/deliveries/${of(rows, 'sekretaer@hedensted.dk').id}/resend`, { token: secretary.token })).body.code).toBe('delivery_not_failed');
    expect((await t.request('POST', `/api/deliveries/00000000-0000-4000-8000-000000000000/resend`, { token: secretary.token })).body.code).toBe('delivery_not_found');

    // The mailboxes are fixed: the failed e-mail goes out again on request, the retrying one by itself.
    refusedForGood.clear();
    refusedForNow.clear();
    const resent = await t.request('POST', `/api/deliveries/${failed.id}/resend`, { token: secretary.token });
    expect(resent).toMatchObject({ status: 202, body: { id: failed.id, status: 'pending' } });
    await waitForOutboxDrained(t.dataSource);
    const after = await deliveries();
    expect(after.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    const arrived = (await smtp.mails()).filter((mail) => mail.subject?.includes('Dagsorden')).map(recipientOf).sort();
    expect(arrived).toEqual(['fuld@hedensted.dk', 'sekretaer@hedensted.dk', 'travl@hedensted.dk']);

    // Asked for again once its meeting is cancelled, an agenda is not sent, and the delivery says why.
    refusedForGood.add('fuld@hedensted.dk');
    const second = await t.request('POST', `/api/committees/${committee.id}/meetings`, { token: secretary.token, body: { startsAt: '2027-03-02T09:30:00+01:00', location: 'Rådhuset' } });
    const secondItem = await t.request('POST', `/api/meetings/${second.body.id}/items`, { token: secretary.token, body: { title: 'Orientering' } });
    await t.request('POST', `/api/items/${secondItem.body.id}/transitions`, { token: secretary.token, body: { event: 'mark-ready' } });
    expect((await t.request('POST', `/api/meetings/${second.body.id}/transitions`, { token: secretary.token, body: { event: 'publish' } })).status).toBe(200);
    const secondDeliveries = async () => (await t.request('GET', `/api/meetings/${second.body.id}/deliveries`, { token: secretary.token })).body.items as Row[];
    const refusedAgenda = async () => (await secondDeliveries()).find((row) => row.recipient === 'fuld@hedensted.dk' && row.kind === 'agenda' && row.status === 'failed');
    await waitUntil(async () => Boolean(await refusedAgenda()), { timeoutMs: 15_000 }, async () => `The agenda never failed: ${JSON.stringify(await secondDeliveries())}`);
    const outdated = (await refusedAgenda())!;
    expect((await t.request('POST', `/api/meetings/${second.body.id}/transitions`, { token: secretary.token, body: { event: 'cancel' } })).status).toBe(200);
    await waitForOutboxDrained(t.dataSource);
    refusedForGood.clear();
    const before = smtp.count;
    expect((await t.request('POST', `/api/deliveries/${outdated.id}/resend`, { token: secretary.token })).status).toBe(202);
    await waitForOutboxDrained(t.dataSource);
    expect((await secondDeliveries()).find((row) => row.id === outdated.id)).toMatchObject({ status: 'failed', lastError: 'Not sent: the meeting is cancelled' });
    expect(smtp.count).toBe(before);
  });
});
