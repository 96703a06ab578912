import { randomBytes } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { type Fixtures, type LoggedIn, pdfPages, SmtpServer, startTestApp, type TestApp, waitForOutboxDrained, waitUntil } from '@app/test-kit';
import { copenhagenInstant, meetingNoticeDeadlines, todayInCopenhagen, WorkingDayCalendar } from '@app/domain';
import { reminderKey } from '@app/reminders';

const pdfBytes = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const calendar = new WorkingDayCalendar();
const PERIODS = { agendaNoticeWorkingDays: 4, materialNoticeWorkingDays: 3 };

/** A meeting at 09:30 `workingDays` working days from today, as the API takes an instant. */
function meetingIn(workingDays: number): { startsAt: string; date: string } {
  const date = calendar.workingDaysAfter(todayInCopenhagen(), workingDays);
  return { date, startsAt: copenhagenInstant(date, '09:30').toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

function recipientOf(mail: ParsedMail): string {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address as string;
}

describe('notice (Kommunestyrelsesloven § 8, stk. 4) and everyday corrections of the agenda', () => {
  let smtp: SmtpServer;
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let member: LoggedIn;

  const as = (who: LoggedIn) => ({
    get: (url: string) => t.request('GET', url, { token: who.token }),
    post: (url: string, body: unknown = {}) => t.request('POST', url, { token: who.token, body }),
    patch: (url: string, body: unknown) => t.request('PATCH', url, { token: who.token, body }),
    put: (url: string, body: unknown) => t.request('PUT', url, { token: who.token, body }),
    delete: (url: string) => t.request('DELETE', url, { token: who.token }),
  });

  async function createMeeting(startsAt: string) {
    const created = await as(secretary).post(`/api/committees/${committeeId}/meetings`, { startsAt, location: 'Rådhuset, Mødelokale 1' });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function addItem(meetingId: string, title: string, extra: Record<string, unknown> = {}) {
    const item = await as(secretary).post(`/api/meetings/${meetingId}/items`, { title, ...extra });
    expect(item.status).toBe(201);
    return item.body;
  }

  async function publishedMeeting(startsAt: string, titles: string[]) {
    const meeting = await createMeeting(startsAt);
    for (const title of titles) {
      const item = await addItem(meeting.id, title);
      expect((await as(secretary).post(`/api/items/${item.id}/transitions`, { event: 'mark-ready' })).status).toBe(200);
    }
    const published = await as(secretary).post(`/api/meetings/${meeting.id}/transitions`, { event: 'publish' });
    expect(published.status).toBe(200);
    return published.body;
  }

  /** The pending (not yet sent) agenda-deadline reminders of the meeting. */
  async function pendingAgendaReminders(meetingId: string): Promise<unknown[]> {
    return t.dataSource.query(`SELECT id FROM outbox_message WHERE dedupe_key = $1 AND processed_at IS NULL`, [reminderKey('agenda-deadline', meetingId)]);
  }

  /** The update e-mails sent so far (one round per change not gathered into another), at least `count` of them. */
  async function updateMails(count: number): Promise<ParsedMail[]> {
    const updates = async () => (await smtp.mails()).filter((m) => m.subject?.startsWith('Ændret dagsorden'));
    await waitUntil(async () => (await updates()).length >= count, { timeoutMs: 20_000 }, async () => `${(await updates()).length} of ${count} update e-mails arrived`);
    await waitForOutboxDrained(t.dataSource);
    const mails = await updates();
    smtp.clear();
    return mails;
  }

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url, AGENDA_UPDATE_COALESCE_MS: '300', OUTBOX_POLL_INTERVAL_MS: '200' } });
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    expect(committee).toMatchObject({ agendaNoticeWorkingDays: 4, materialNoticeWorkingDays: 3 });
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen' });
    member = await fixtures.member(committeeId, 'member', { name: 'Anders Andersen' });
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.clear());

  it('keeps each committee’s material notice beside its agenda notice', async () => {
    const other = await fixtures.committee({ name: 'Økonomiudvalget', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null, materialNoticeWorkingDays: 5 });
    expect(other.materialNoticeWorkingDays).toBe(5);
    const changed = await t.request('PATCH', `/api/committees/${other.id}`, { token: fixtures.adminToken, body: { materialNoticeWorkingDays: 2 } });
    expect(changed.status).toBe(200);
    expect(changed.body.materialNoticeWorkingDays).toBe(2);
    const refused = await t.request('PATCH', `/api/committees/${other.id}`, { token: fixtures.adminToken, body: { materialNoticeWorkingDays: -1 } });
    expect(refused.status).toBe(400);
  });

  it('schedules a meeting inside the notice period with a warning and no reminder of a deadline already past', async () => {
    const near = meetingIn(2);
    const deadlines = meetingNoticeDeadlines(calendar, near.date, PERIODS);
    const meeting = await createMeeting(near.startsAt);
    expect(meeting.warnings).toEqual([{ code: 'agenda_notice_not_met', message: expect.stringContaining(deadlines.agenda), deadline: deadlines.agenda }]);
    expect(await pendingAgendaReminders(meeting.id)).toHaveLength(0);

    const far = await createMeeting(meetingIn(30).startsAt);
    expect(far.warnings).toEqual([]);
    expect(await pendingAgendaReminders(far.id)).toHaveLength(1);
    // Moved inside the notice period, it warns, and the reminder it had is dropped.
    const moved = await as(secretary).patch(`/api/meetings/${far.id}`, { startsAt: near.startsAt });
    expect(moved.status).toBe(200);
    expect(moved.body.warnings).toEqual([expect.objectContaining({ code: 'agenda_notice_not_met', deadline: deadlines.agenda })]);
    expect(await pendingAgendaReminders(far.id)).toHaveLength(0);
  });

  it('publishes late with the warning, and marks an item and a Bilag added after the material deadline "Eftersendt" in the agenda, its PDF and the update e-mail', async () => {
    const near = meetingIn(2);
    const deadlines = meetingNoticeDeadlines(calendar, near.date, PERIODS);
    const meeting = await publishedMeeting(near.startsAt, ['Status på partnerskaber']);
    expect(meeting.warnings).toEqual([expect.objectContaining({ code: 'agenda_notice_not_met', deadline: deadlines.agenda })]);
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();

    const late = await addItem(meeting.id, 'Budgetopfølgning');
    expect(late.warnings).toEqual([{ code: 'material_notice_not_met', message: expect.any(String), deadline: deadlines.material }]);
    expect(late.sentLateAt).toEqual(expect.any(String));
    const [first] = meeting.items;
    const bilag = await t.api.upload(`/api/items/${first.id}/attachments`, { bytes: pdfBytes(2_000), name: 'Notat.pdf', type: 'application/pdf' }, { token: secretary.token });
    expect(bilag.status).toBe(201);
    expect(bilag.body.warnings).toEqual([expect.objectContaining({ code: 'material_notice_not_met' })]);
    expect(bilag.body.sentLateAt).toEqual(expect.any(String));

    const read = (await as(member).get(`/api/meetings/${meeting.id}`)).body;
    expect(read.items.map((i: { title: string; sentLateAt: string | null }) => [i.title, Boolean(i.sentLateAt)])).toEqual([
      ['Status på partnerskaber', false],
      ['Budgetopfølgning', true],
    ]);
    expect(read.items[0].attachments[0]).toMatchObject({ name: 'Notat.pdf', sentLateAt: expect.any(String) });
    const publicRead = (await t.request('GET', `/api/public/meetings/${meeting.id}`)).body;
    expect(publicRead.items[1].sentLateAt).toEqual(expect.any(String));

    const mails = await updateMails(3);
    expect(new Set(mails.map(recipientOf)).size).toBe(3);
    for (const mail of mails) expect(mail.text).toContain('2. Budgetopfølgning – Eftersendt');

    await waitForOutboxDrained(t.dataSource, 30_000);
    const pdf = await t.api.download(`/api/meetings/${meeting.id}/agenda.pdf`, member.token);
    expect(pdf.status).toBe(200);
    const text = (await pdfPages(pdf.bytes)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Punkt 2: Budgetopfølgning – Eftersendt');
    expect(text).toContain('Notat.pdf (Eftersendt)');
  });

  it('adds material to a published agenda in time without a warning or a mark', async () => {
    const meeting = await publishedMeeting(meetingIn(20).startsAt, ['Orientering']);
    expect(meeting.warnings).toEqual([]);
    const item = await addItem(meeting.id, 'Eventuelt');
    expect(item).toMatchObject({ warnings: [], sentLateAt: null, state: 'on-agenda' });
  });

  it('deletes a draft or ready item and renumbers the rest; an item on a published agenda answers 409', async () => {
    const meeting = await createMeeting(meetingIn(20).startsAt);
    const [one, two, three] = [await addItem(meeting.id, 'Et'), await addItem(meeting.id, 'To'), await addItem(meeting.id, 'Tre')];
    expect((await as(secretary).post(`/api/items/${two.id}/transitions`, { event: 'mark-ready' })).status).toBe(200);
    expect((await as(member).delete(`/api/meetings/${meeting.id}/items/${one.id}`)).status).toBe(403);
    expect((await as(secretary).delete(`/api/meetings/${meeting.id}/items/${one.id}`)).status).toBe(204);
    expect((await as(secretary).delete(`/api/meetings/${meeting.id}/items/${two.id}`)).status).toBe(204);
    const agenda = (await as(secretary).get(`/api/meetings/${meeting.id}`)).body.items;
    expect(agenda.map((i: { id: string; number: number }) => [i.id, i.number])).toEqual([[three.id, 1]]);
    expect((await as(secretary).delete(`/api/meetings/${meeting.id}/items/${one.id}`)).status).toBe(404);

    const published = await publishedMeeting(meetingIn(20).startsAt, ['Orientering']);
    const refused = await as(secretary).delete(`/api/meetings/${published.id}/items/${published.items[0].id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('item_not_deletable');
    expect((await as(secretary).get(`/api/meetings/${published.id}`)).body.items).toHaveLength(1);
  });

  it('withdraws a published item: "Punktet udgår" on the agenda, the members get the update e-mail, the public sees the title only', async () => {
    const meeting = await publishedMeeting(meetingIn(20).startsAt, ['Orientering', 'Sag om skolestruktur']);
    await waitForOutboxDrained(t.dataSource);
    smtp.clear();
    const item = meeting.items[1];
    expect((await as(secretary).patch(`/api/items/${item.id}`, { summary: 'Skolestrukturen i Hedensted' })).status).toBe(200);
    await updateMails(3);

    const withdrawn = await as(secretary).post(`/api/items/${item.id}/transitions`, { event: 'withdraw', comment: 'Sagen er ikke færdigbehandlet' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', number: 2 });
    const mails = await updateMails(3);
    expect(mails).toHaveLength(3);
    expect(mails.map(recipientOf)).toContain(member.email);
    for (const mail of mails) expect(mail.text).toContain('2. Sag om skolestruktur – Punktet udgår');

    const publicItem = (await t.request('GET', `/api/public/meetings/${meeting.id}`)).body.items[1];
    expect(publicItem).toMatchObject({ number: 2, title: 'Sag om skolestruktur', state: 'withdrawn', summary: null });
    // Withdrawn, it no longer changes, and a second withdrawal is refused by the workflow.
    expect((await as(secretary).patch(`/api/items/${item.id}`, { summary: 'Igen' })).body.code).toBe('item_withdrawn');
    expect((await as(secretary).post(`/api/items/${item.id}/transitions`, { event: 'withdraw' })).status).toBe(409);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const pdf = await t.api.download(`/api/public/meetings/${meeting.id}/agenda.pdf`);
    const text = (await pdfPages(pdf.bytes)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Punkt 2: Sag om skolestruktur – Punktet udgår');
    expect(text).not.toContain('Skolestrukturen i Hedensted');
  });

  it('lets a member withdraw their own afbud before the meeting begins, and refuses it once it has begun', async () => {
    const ahead = await createMeeting(meetingIn(20).startsAt);
    const url = `/api/meetings/${ahead.id}/attendance/${member.id}`;
    expect((await as(member).put(url, { status: 'absent' })).status).toBe(200);
    const withdrawn = await as(member).delete(`${url}/absence`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBeNull();

    const begun = await publishedMeeting(new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), ['Orientering']);
    const begunUrl = `/api/meetings/${begun.id}/attendance/${member.id}`;
    expect((await as(secretary).put(begunUrl, { status: 'absent' })).status).toBe(200);
    const refused = await as(member).delete(`${begunUrl}/absence`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('meeting_started');
    expect((await as(member).get(`/api/meetings/${begun.id}`)).body.attendance.find((a: { personId: string }) => a.personId === member.id).status).toBe('absent');
  });
});
