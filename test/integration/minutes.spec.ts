import { createHash } from 'node:crypto';
import { type Fixtures, type LoggedIn, pageWhereItemStarts, pdfPages, pdfStructure, SmtpServer, startTestApp, tableCounts, tableOfContents, type TestApp, waitForOutboxDrained } from '@app/test-kit';
import { AgendaItem, Attendance, ItemNote, Meeting, MeetingReminders } from '@app/meetings';
import { AssembleMinutesHandler, Minutes, MinutesReminderRepository } from '@app/minutes';
import { QueueName } from '@app/outbox';

/** Everything only the closed item says; no public output may hold any of it. */
const CLOSED_TEXT = ['Personsag vedrørende Anna Hansen', '00.01.00-P22-1-19', 'Fortroligt resume', 'personfølsomme', 'Fortrolig beslutning', 'anna-hansen-notat.pdf', 'Erik ønsker ikke'];

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('minutes: assembled by a job, signed, sealed and published', () => {
  let t: TestApp;
  let smtp: SmtpServer;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let virtualMember: LoggedIn;
  let presentMember: LoggedIn;
  let absentMember: LoggedIn;
  let director: LoggedIn;
  let otherSecretary: LoggedIn;

  beforeAll(async () => {
    smtp = await SmtpServer.start();
    t = await startTestApp({ worker: true, env: { SMTP_URL: smtp.url } });
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    chair = await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen', party: 'KD' });
    virtualMember = await fixtures.member(committeeId, 'member', { name: 'Dorte Dahl' });
    presentMember = await fixtures.member(committeeId, 'member', { name: 'Erik Eriksen' });
    absentMember = await fixtures.member(committeeId, 'member', { name: 'Anders Andersen' });
    director = await fixtures.person({ roles: ['director'], bodyIds: [committee.bodyId], login: true });
    const other = await fixtures.committee({ bodyId: committee.bodyId, name: 'Social Omsorg', kind: 'standing', mandateEnd: null });
    otherSecretary = await fixtures.member(other.id, 'secretary');
    // The welcome e-mails of those given a login go out before the tests.
    await waitForOutboxDrained(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const as = (who: LoggedIn) => ({
    get: (url: string) => t.request('GET', url, { token: who.token }),
    post: (url: string, body?: unknown) => t.request('POST', url, { token: who.token, body: body ?? {} }),
  });

  /** The bytes of a document, as a client downloads them. */
  async function download(url: string, who?: LoggedIn): Promise<{ status: number; bytes: Buffer; contentType: string | null; etag: string | null }> {
    const { status, bytes, headers } = await t.api.download(url, who?.token);
    return { status, bytes, contentType: headers['content-type'] ?? null, etag: headers.etag ?? null };
  }

  /**
   * A meeting that has been held, written straight to the database (the meeting workflow is tested in its own
   * spec): an open item, a closed item, the Mødedeltagelse item; one member absent, one virtual until 10:30.
   */
  async function heldMeeting(state: 'held' | 'published' = 'held'): Promise<string> {
    const db = t.dataSource;
    const meeting = await db.getRepository(Meeting).save({
      committeeId,
      title: 'Udvalg for lighed i sundhed',
      startsAt: new Date('2024-02-02T09:30:00+01:00'),
      endsAt: new Date('2024-02-02T12:00:00+01:00'),
      location: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus',
      state,
    });
    const item = (fields: Partial<AgendaItem>) => db.getRepository(AgendaItem).save({ meetingId: meeting.id, state: 'decided', attachmentNames: [], closed: false, ...fields });
    const open = await item({
      number: 1,
      title: 'Status på partnerskaber',
      caseNumber: '1-00-14-22',
      startTime: '09:30',
      endTime: '10:30',
      summary: 'Udvalget orienteres om status.',
      recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
      presentation: 'Partnerskaberne med Struer og Norddjurs er i gang.',
      decision: 'Udvalget drøftede status.',
      attachmentNames: ['Præsentation fra mødet.pdf'],
    });
    const closed = await item({
      number: 2,
      title: 'Personsag vedrørende Anna Hansen',
      caseNumber: '00.01.00-P22-1-19',
      startTime: '10:30',
      endTime: '11:00',
      closed: true,
      closedReason: 'other',
      closedReasonText: 'Sagen indeholder personfølsomme oplysninger',
      publicTitle: 'Personalesag',
      summary: 'Fortroligt resume',
      decision: 'Fortrolig beslutning',
      attachmentNames: ['anna-hansen-notat.pdf'],
    });
    await item({ number: 3, title: 'Mødedeltagelse', decision: null });
    await db.getRepository(ItemNote).save([
      { itemId: open.id, personId: virtualMember.id, kind: 'dissent', text: 'Flere kommuner bør med' },
      { itemId: closed.id, personId: presentMember.id, kind: 'dissent', text: 'Erik ønsker ikke afgørelsen' },
    ]);
    await db.getRepository(Attendance).save([
      { meetingId: meeting.id, personId: absentMember.id, status: 'absent', until: null },
      { meetingId: meeting.id, personId: virtualMember.id, status: 'virtual', until: '10:30' },
      { meetingId: meeting.id, personId: chair.id, status: 'present', until: null },
    ]);
    return meeting.id;
  }

  async function assembled(meetingId: string) {
    const queued = await as(secretary).post(`/api/meetings/${meetingId}/minutes`);
    expect(queued.status).toBe(202);
    await waitForOutboxDrained(t.dataSource, 30_000);
    const status = await as(secretary).get(`/api/meetings/${meetingId}/minutes`);
    expect(status.body).toMatchObject({ state: 'ready', progress: 100 });
    return status.body;
  }

  it('answers 202 at once, assembles in the worker with progress, and the documents appear when it is done', async () => {
    const meetingId = await heldMeeting();
    expect((await as(secretary).get(`/api/meetings/${meetingId}/minutes`)).status).toBe(404);
    expect((await download(`/api/meetings/${meetingId}/minutes.html`, chair)).status).toBe(404);

    const queued = await as(secretary).post(`/api/meetings/${meetingId}/minutes`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ meetingId, state: 'pending', workflowState: 'draft', progress: 0, documents: [] });

    await waitForOutboxDrained(t.dataSource, 30_000);
    const done = await as(chair).get(`/api/meetings/${meetingId}/minutes`);
    expect(done.body).toMatchObject({ state: 'ready', workflowState: 'draft', progress: 100, error: null, seal: null });
    expect(done.body.documents.map((d: { variant: string; format: string }) => `${d.variant}.${d.format}`)).toEqual([
      'members.html',
      'members.md',
      'members.pdf',
      'public.html',
      'public.md',
      'public.pdf',
    ]);
    // Who took part signs: present, virtual, or not recorded; the absent member and the secretary do not.
    expect(done.body.signatures).toMatchObject({ needed: 3, given: 0 });
    expect(done.body.signatures.signatories.map((s: { name: string }) => s.name)).toEqual(['Birgit Jakobsen', 'Dorte Dahl', 'Erik Eriksen']);

    const html = await download(`/api/meetings/${meetingId}/minutes.html`, presentMember);
    expect(html.contentType).toBe('text/html; charset=utf-8');
    const page = html.bytes.toString('utf8');
    expect(page).toContain('REFERAT Udvalg for lighed i sundhed d. 02-02-2024');
    expect(page).toContain('Fredag d. 02. februar 2024 kl. 09:30');
    expect(page).toContain('Punkt 2: Personsag vedrørende Anna Hansen (kl. 10.30-11.00)');
    expect(page).toContain('Alle var mødt, undtagen Anders Andersen, der havde meldt afbud.');
    expect(page).toContain('Dorte Dahl deltog virtuelt til kl. 10.30.');
    expect(html.etag).toBe(`"${sha256(html.bytes)}"`);

    const markdown = await download(`/api/meetings/${meetingId}/minutes.md`, presentMember);
    expect(markdown.contentType).toBe('text/markdown; charset=utf-8');
    expect(markdown.bytes.toString('utf8')).toContain('## Punkt 1: Status på partnerskaber (kl. 9.30-10.30)');

    const pdf = await download(`/api/meetings/${meetingId}/minutes.pdf`, presentMember);
    expect(pdf.contentType).toBe('application/pdf');
    const pages = await pdfPages(pdf.bytes);
    const toc = tableOfContents(pages);
    expect(toc.map((entry) => entry.heading)).toEqual([
      'Punkt 1: Status på partnerskaber (kl. 9.30-10.30)',
      'Punkt 2: Personsag vedrørende Anna Hansen (kl. 10.30-11.00)',
      'Punkt 3: Mødedeltagelse',
    ]);
    for (const entry of toc) expect(pageWhereItemStarts(pages, entry.heading)).toBe(entry.page);

    const audit = await t.dataSource.query(`SELECT action FROM audit_entry WHERE action LIKE 'minutes.%' AND details->>'meetingId' = $1`, [meetingId]);
    expect(audit).toEqual([{ action: 'minutes.assembled' }]);
  });

  it('answers the progress that the secretary’s page polls with the same few SQL statements, whatever the agenda’s length', async () => {
    const counts: number[] = [];
    for (const extraItems of [0, 40]) {
      const meetingId = await heldMeeting();
      await t.dataSource.query(
        `INSERT INTO agenda_item (meeting_id, number, title, state, summary, presentation, decision)
         SELECT $1, 3 + n, 'Punkt ' || (3 + n), 'decided', 'Resume', repeat('Sagsfremstilling. ', 200), 'Godkendt' FROM generate_series(1, $2::int) AS n`,
        [meetingId, extraItems],
      );
      const pending = await as(secretary).post(`/api/meetings/${meetingId}/minutes`);
      expect(pending.status).toBe(202);
      const polled = await as(secretary).get(`/api/meetings/${meetingId}/minutes`);
      expect(polled.status).toBe(200);
      counts.push(Number(polled.headers['x-sql-statements']));
      await waitForOutboxDrained(t.dataSource, 30_000);
      const ready = await as(secretary).get(`/api/meetings/${meetingId}/minutes`);
      expect(ready.body).toMatchObject({ state: 'ready', progress: 100, addenda: [] });
      counts.push(Number(ready.headers['x-sql-statements']));
    }
    // The login check, the meeting's committee, the minutes, then their files, signatories and additions side by side.
    expect(counts).toEqual([6, 6, 6, 6]);
  });

  it('reports progress to the job and to the minutes row, which GET reads, and drops a job that a newer request replaced', async () => {
    const meetingId = await heldMeeting();
    const minutes = await t.dataSource.getRepository(Minutes).save({ meetingId, state: 'draft', assembly: 'pending', assemblyGeneration: 2 });
    const handler = t.app.get(AssembleMinutesHandler);
    const reported: { percent: number; persistedBefore: number }[] = [];
    const context = {
      outboxMessageId: 'direct',
      queue: QueueName.Documents,
      attempt: 1,
      maxAttempts: 1,
      transientRetryAt: null,
      reportProgress: async (percent: number) => {
        const [{ progress }] = await t.dataSource.query(`SELECT progress FROM minutes WHERE id = $1`, [minutes.id]);
        reported.push({ percent, persistedBefore: progress });
      },
    };
    expect(await handler.handle({ meetingId, generation: 1 }, context)).toEqual({ dropped: 'a newer assembly (2) replaced this one (1)' });
    expect(reported).toEqual([]);
    await handler.handle({ meetingId, generation: 2 }, context);
    const percents = reported.map((r) => r.percent);
    expect(percents).toEqual([...percents].sort((x, y) => x - y));
    expect(percents[percents.length - 1]).toBe(100);
    expect(percents.length).toBeGreaterThan(3);
    // Each step's value reached the row before the next step began.
    for (let i = 1; i < reported.length - 1; i++) expect(reported[i].persistedBefore).toBe(reported[i - 1].percent);
    expect((await as(chair).get(`/api/meetings/${meetingId}/minutes`)).body).toMatchObject({ state: 'ready', progress: 100 });
  });

  it('refuses assembly to anyone but the committee’s secretary, and before the meeting is held, changing nothing', async () => {
    const meetingId = await heldMeeting();
    const notHeld = await heldMeeting('published');
    const counts = await tableCounts(t.dataSource);
    for (const who of [chair, presentMember, director, otherSecretary]) {
      expect((await as(who).post(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
    }
    const early = await as(secretary).post(`/api/meetings/${notHeld}/minutes`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('meeting_not_held');
    expect((await as(secretary).post('/api/meetings/00000000-0000-4000-8000-000000000000/minutes')).status).toBe(404);
    expect((await as(secretary).post('/api/meetings/not-a-uuid/minutes')).status).toBe(400);
    expect(await tableCounts(t.dataSource)).toEqual(counts);
    expect((await as(otherSecretary).get(`/api/meetings/${meetingId}/minutes`)).status).toBe(403);
  });

  it('assembles again for a draft, replacing it, and gives the same files for the same meeting', async () => {
    const meetingId = await heldMeeting();
    const first = await assembled(meetingId);
    const again = await assembled(meetingId);
    expect(again.documents).toEqual(first.documents);

    await t.dataSource.getRepository(AgendaItem).update({ meetingId, number: 1 }, { decision: 'Udvalget tog status til efterretning.' });
    const changed = await assembled(meetingId);
    const html = (await download(`/api/meetings/${meetingId}/minutes.html`, chair)).bytes.toString('utf8');
    expect(html).toContain('Udvalget tog status til efterretning.');
    expect(changed.documents.find((d: { format: string; variant: string }) => d.variant === 'members' && d.format === 'pdf').sha256).not.toBe(
      first.documents.find((d: { format: string; variant: string }) => d.variant === 'members' && d.format === 'pdf').sha256,
    );
    const [{ files }] = await t.dataSource.query(`SELECT count(*)::int AS files FROM minutes_file f JOIN minutes m ON m.id = f.minutes_id WHERE m.meeting_id = $1`, [meetingId]);
    expect(files).toBe(6);
  });

  it('is approved by the chair, signed by each who took part — the last signature seals it — and published with a mail to the members', async () => {
    const meetingId = await heldMeeting();
    await assembled(meetingId);
    const minutesUrl = `/api/meetings/${meetingId}/minutes`;
    const fire = (who: LoggedIn, event: string) => as(who).post(`${minutesUrl}/transitions`, { event });

    expect((await fire(presentMember, 'sign')).status).toBe(409);
    expect((await as(secretary).post(`${minutesUrl}/addenda`, { text: 'For tidligt' })).body.code).toBe('minutes_not_sealed');
    expect((await fire(secretary, 'approve')).status).toBe(403);
    expect((await as(chair).get(`${minutesUrl}/transitions`)).body.map((e: { event: string }) => e.event)).toEqual(['approve']);
    const approved = await fire(chair, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', workflowState: 'approved' });
    await waitForOutboxDrained(t.dataSource, 30_000);
    const asked = (await smtp.mails()).filter((mail) => mail.subject === 'Referatet afventer din underskrift');
    expect(asked.map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address).sort()).toEqual([chair, virtualMember, presentMember].map((p) => p.email).sort());
    expect(asked[0].text).toContain(`${t.config.PUBLIC_BASE_URL}/moeder/${meetingId}`);
    const reassemble = await as(secretary).post(minutesUrl);
    expect(reassemble.status).toBe(409);
    expect(reassemble.body.code).toBe('minutes_not_draft');

    const counts = await tableCounts(t.dataSource);
    const outsider = await fire(absentMember, 'sign');
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('not_a_signatory');
    expect((await fire(director, 'sign')).status).toBe(403);
    expect((await fire(otherSecretary, 'sign')).status).toBe(403);
    expect(await tableCounts(t.dataSource)).toEqual(counts);

    // The reminder of unsigned minutes, as holding the meeting schedules it, loses its reason with the seal.
    const meeting = await t.dataSource.getRepository(Meeting).findOneByOrFail({ id: meetingId });
    await t.dataSource.transaction(async (manager) => {
      await t.app.get(MeetingReminders, { strict: false }).scheduleMinutesSignature(manager, meeting);
      // The meeting is of 2024, so the reminder would be due at once, and the worker would race the signatures for it.
      await manager.query(`UPDATE outbox_message SET available_at = now() + interval '1 day' WHERE dedupe_key = $1`, [`reminder:minutes-unsigned:${meetingId}`]);
    });
    const reasons = t.app.get(MinutesReminderRepository, { strict: false });
    expect(await reasons.minutesSigned(meetingId)).toBe(false);

    expect((await fire(chair, 'sign')).body).toMatchObject({ state: 'approved', signatures: { needed: 3, given: 1 } });
    const twice = await fire(chair, 'sign');
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('You have already signed these minutes');
    await fire(virtualMember, 'sign');
    const sealed = await fire(presentMember, 'sign');
    expect(sealed.body).toMatchObject({ state: 'signed', signatures: { needed: 3, given: 3 }, seal: { verified: true } });

    expect(await reasons.minutesSigned(meetingId)).toBe(true);
    const [reminder] = await t.dataSource.query(`SELECT outcome FROM outbox_message WHERE dedupe_key = $1`, [`reminder:minutes-unsigned:${meetingId}`]);
    expect(reminder).toEqual({ outcome: 'cancelled' });

    // The seal is the sha256 of the members' PDF as signed, and that PDF is served as exactly those bytes.
    const pdf = await download(`${minutesUrl}.pdf?edition=assembled`, chair);
    expect(sha256(pdf.bytes)).toBe(sealed.body.seal.hash);
    expect(pdf.etag).toBe(`"${sealed.body.seal.hash}"`);
    // That sealed file is the archive's PDF/A-2 (conformance A), with its fonts embedded.
    const { xmp, fonts } = await pdfStructure(pdf.bytes);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
    const embedded = fonts.filter((font) => font['/Subtype'] === '/CIDFontType2');
    expect(embedded.length).toBeGreaterThan(0);
    expect(fonts.map((font) => String(font['/BaseFont'])).filter((name) => !name.includes('IBMPlexSans'))).toEqual([]);
    // The referat served from now on ends with Underskrifter: who signed, in what seat, when, and the seal's hash.
    const signatures = ['Birgit Jakobsen, Formand, underskrevet', 'Dorte Dahl, Medlem, underskrevet', 'Erik Eriksen, Medlem, underskrevet'];
    const seal = `forseglet med kontrolsummen SHA-256 ${sealed.body.seal.hash}.`;
    const signedPages = await pdfPages((await download(`${minutesUrl}.pdf`, chair)).bytes);
    const lastPage = signedPages[signedPages.length - 1].replace(/\s+/g, ' ');
    expect(lastPage).toMatch(/^Underskrifter /);
    for (const line of [...signatures, seal]) expect(lastPage).toContain(line);
    expect(lastPage).toMatch(/Birgit Jakobsen, Formand, underskrevet \p{L}+ den \d{1,2}\. \p{L}+ \d{4} kl\. \d{1,2}\.\d{2}/u);
    for (const format of ['html', 'md']) {
      const text = (await download(`${minutesUrl}.${format}`, chair)).bytes.toString('utf8');
      expect(text).toContain(format === 'html' ? '<h2>Underskrifter</h2>' : '## Underskrifter');
      for (const line of [...signatures, seal]) expect(text).toContain(line);
    }
    expect(sealed.body.documents.filter((d: { edition: string }) => d.edition === 'signed')).toHaveLength(6);
    const sealedRefused = await as(secretary).post(minutesUrl);
    expect(sealedRefused.status).toBe(409);
    expect(sealedRefused.body.code).toBe('minutes_sealed');
    await expect(t.dataSource.query(`UPDATE minutes_file f SET sha256 = 'tampered' FROM minutes m WHERE m.id = f.minutes_id AND m.meeting_id = $1`, [meetingId])).rejects.toThrow(/sealed/);

    // Additions are appended and chained; the sealed document does not change.
    expect((await as(chair).post(`${minutesUrl}/addenda`, { text: 'x' })).status).toBe(403);
    const first = await as(secretary).post(`${minutesUrl}/addenda`, { text: 'Punkt 1: beløbet rettes til 250.000 kr.' });
    expect(first.status).toBe(201);
    const second = await as(secretary).post(`${minutesUrl}/addenda`, { text: 'Punkt 3: stavefejl rettet.' });
    const [a, b] = second.body.addenda;
    expect(a).toMatchObject({ text: 'Punkt 1: beløbet rettes til 250.000 kr.', previousHash: sealed.body.seal.hash });
    expect(a.sha256).toBe(sha256(`${sealed.body.seal.hash}\n${a.createdAt}\n${a.text}`));
    expect(b.previousHash).toBe(a.sha256);
    expect(second.body.seal).toEqual({ ...sealed.body.seal, verified: true });
    expect(sha256((await download(`${minutesUrl}.pdf?edition=assembled`, chair)).bytes)).toBe(sealed.body.seal.hash);
    expect((await as(secretary).get(`${minutesUrl}/history`)).body.map((h: { event: string }) => h.event)).toEqual(['approve', 'sign', 'sign', 'sign', 'seal']);

    // Not public until published.
    expect((await download(`/api/public/meetings/${meetingId}/minutes.html`)).status).toBe(404);
    expect((await fire(chair, 'publish')).status).toBe(403);
    const before = smtp.count;
    const published = await fire(secretary, 'publish');
    expect(published.body).toMatchObject({ state: 'published' });
    expect(published.body.documents.find((d: { variant: string; format: string }) => d.variant === 'public' && d.format === 'pdf').url).toBe(
      `/api/public/meetings/${meetingId}/minutes.pdf`,
    );
    await waitForOutboxDrained(t.dataSource, 30_000);
    const mails = (await smtp.mails()).slice(before).filter((m) => m.subject?.startsWith('Referat offentliggjort'));
    const recipients = mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0].address).sort();
    expect(recipients).toEqual([secretary, chair, virtualMember, presentMember, absentMember].map((p) => p.email).sort());
    // Both links open pages of the web application: the public portal's meeting, and the members' meeting page.
    expect(mails[0].text).toContain(`${t.config.PUBLIC_BASE_URL}/offentlig/moeder/${meetingId}`);
    expect(mails[0].text).toContain(`${t.config.PUBLIC_BASE_URL}/moeder/${meetingId}`);
    expect(mails[0].text).not.toContain('/api/');
    // The date stands mid-sentence, so it is written as running text, lower case.
    expect(mails[0].subject).toBe('Referat offentliggjort: Udvalg for lighed i sundhed, møde fredag den 2. februar 2024 kl. 9.30');
    expect(mails[0].text).toContain('Referatet fra mødet i Udvalg for lighed i sundhed fredag den 2. februar 2024 kl. 9.30 er underskrevet');
    const keys = await t.dataSource.query(`SELECT key, created_at FROM delivery WHERE kind = 'minutes-published' AND subject_id = $1 ORDER BY key`, [meetingId]);
    expect(keys).toHaveLength(5);
    expect(keys[0].key).toMatch(new RegExp(`^minutes-published:${meetingId}:`));
    // Recorded together by the publishing transaction, not one by one as each e-mail was first tried.
    expect(new Set(keys.map((key: { created_at: Date }) => key.created_at.getTime())).size).toBe(1);

    const publicHtml = await download(`/api/public/meetings/${meetingId}/minutes.html`);
    expect(publicHtml.status).toBe(200);
    expect(publicHtml.bytes.toString('utf8')).toContain('Punkt 2: Lukket punkt: Personalesag (kl. 10.30-11.00)');
  });

  it('freezes what the sealed minutes record: attendance, item notes, decisions, votes, outcomes and Bilag answer 409, changing nothing', async () => {
    const meetingId = await heldMeeting();
    await assembled(meetingId);
    const minutesUrl = `/api/meetings/${meetingId}/minutes`;
    const fire = (who: LoggedIn, event: string) => as(who).post(`${minutesUrl}/transitions`, { event });
    const attendance = (personId: string, status: string) => t.request('PUT', `/api/meetings/${meetingId}/attendance/${personId}`, { token: secretary.token, body: { status } });
    const [open] = await t.dataSource.getRepository(AgendaItem).find({ where: { meetingId, number: 1 } });
    const [note] = await t.dataSource.getRepository(ItemNote).find({ where: { itemId: open.id } });

    // Approved but not yet sealed: the record may still be corrected (the minutes are then reopened and assembled again).
    expect((await fire(chair, 'approve')).status).toBe(200);
    expect((await attendance(presentMember.id, 'present')).status).toBe(200);
    for (const who of [chair, virtualMember, presentMember]) await fire(who, 'sign');
    expect((await as(secretary).get(minutesUrl)).body).toMatchObject({ state: 'signed' });

    // An item left on the agenda, its outcome never recorded before the seal.
    const undecided = await t.dataSource.getRepository(AgendaItem).save({ meetingId, number: 9, title: 'Eventuelt', state: 'on-agenda', decision: 'Intet.', attachmentNames: [], closed: false });
    const counts = await tableCounts(t.dataSource);
    const refusals = [
      await attendance(absentMember.id, 'present'),
      await attendance(presentMember.id, 'absent'),
      await t.request('POST', `/api/items/${open.id}/notes`, { token: secretary.token, body: { personId: presentMember.id, kind: 'dissent', text: 'Eftertanke' } }),
      await t.request('DELETE', `/api/items/${open.id}/notes/${note.id}`, { token: secretary.token }),
      await t.request('PATCH', `/api/items/${open.id}`, { token: secretary.token, body: { decision: 'Udvalget besluttede noget andet.' } }),
      await t.request('PUT', `/api/items/${open.id}/votes`, { token: secretary.token, body: { votes: [{ personId: chair.id, vote: 'for' }] } }),
      await t.api.upload(`/api/items/${open.id}/attachments`, { bytes: '%PDF-1.7\nEftersendt', name: 'Eftersendt.pdf', type: 'application/pdf' }, { token: secretary.token }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('meeting_record_sealed');
      expect(refused.body.message).toMatch(/addendum/);
    }
    const offered = await t.request('GET', `/api/items/${undecided.id}/transitions`, { token: secretary.token });
    expect({ status: offered.status, events: offered.body }).toEqual({ status: 200, events: [] });
    for (const event of ['decide', 'postpone']) {
      const refused = await t.request('POST', `/api/items/${undecided.id}/transitions`, { token: secretary.token, body: { event } });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/sealed.*addendum/);
    }
    expect(await tableCounts(t.dataSource)).toEqual(counts);
    const rows = await t.dataSource.getRepository(Attendance).find({ where: { meetingId } });
    expect(rows.find((row) => row.personId === absentMember.id)?.status).toBe('absent');

    // Published, still frozen; the addendum is the way to correct the record.
    expect((await fire(secretary, 'publish')).status).toBe(200);
    expect((await attendance(absentMember.id, 'present')).body.code).toBe('meeting_record_sealed');
    expect((await as(secretary).post(`${minutesUrl}/addenda`, { text: 'Anders Andersen deltog fra kl. 10.' })).status).toBe(201);
  });

  it('makes a write to the record that meets the sealing signature wait for it, and then refuses it', async () => {
    const meetingId = await heldMeeting();
    await assembled(meetingId);
    expect((await as(chair).post(`/api/meetings/${meetingId}/minutes/transitions`, { event: 'approve' })).status).toBe(200);
    const [open] = await t.dataSource.getRepository(AgendaItem).find({ where: { meetingId, number: 1 } });
    // The last signature, caught in the middle: it holds the minutes row and has set them signed, not yet committed.
    const signing = t.dataSource.createQueryRunner();
    await signing.connect();
    await signing.startTransaction();
    try {
      await signing.query(`SELECT id FROM minutes WHERE meeting_id = $1 FOR UPDATE`, [meetingId]);
      await signing.query(`UPDATE minutes SET state = 'signed' WHERE meeting_id = $1`, [meetingId]);
      const answered: string[] = [];
      const writes = [
        t.request('PUT', `/api/meetings/${meetingId}/attendance/${absentMember.id}`, { token: secretary.token, body: { status: 'present' } }),
        t.request('PATCH', `/api/items/${open.id}`, { token: secretary.token, body: { decision: 'Skrevet om i sidste øjeblik.' } }),
      ].map((write, n) => write.then((res) => (answered.push(String(n)), res)));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(answered).toEqual([]);
      await signing.commitTransaction();
      for (const res of await Promise.all(writes)) expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'meeting_record_sealed' });
    } finally {
      if (signing.isTransactionActive) await signing.rollbackTransaction();
      await signing.release();
    }
    const [attendance] = await t.dataSource.getRepository(Attendance).find({ where: { meetingId, personId: absentMember.id } });
    expect(attendance.status).toBe('absent');
    expect((await t.dataSource.getRepository(AgendaItem).findOneByOrFail({ id: open.id })).decision).toBe('Udvalget drøftede status.');
  });

  it('lets no closed-item text into any public output', async () => {
    const meetingId = await heldMeeting();
    await assembled(meetingId);
    for (const format of ['html', 'md', 'pdf']) {
      const preview = await download(`/api/meetings/${meetingId}/minutes.${format}?variant=public`, secretary);
      expect(preview.status).toBe(200);
      const text = format === 'pdf' ? (await pdfPages(preview.bytes)).join('\n') : preview.bytes.toString('utf8');
      expect(text).toContain('Lukket punkt: Personalesag');
      expect(text).toContain('Status på partnerskaber');
      for (const words of CLOSED_TEXT) expect(text).not.toContain(words);
      const members = await download(`/api/meetings/${meetingId}/minutes.${format}`, secretary);
      const membersText = format === 'pdf' ? (await pdfPages(members.bytes)).join('\n') : members.bytes.toString('utf8');
      expect(membersText).toContain('Fortrolig beslutning');
    }
    expect((await download(`/api/public/meetings/${meetingId}/minutes.pdf`)).status).toBe(404);
  });

  it('documents its endpoints and serves its workflow table', async () => {
    const doc = await t.request('GET', '/api/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/meetings/{id}/minutes',
        '/api/meetings/{id}/minutes.pdf',
        '/api/meetings/{id}/minutes/transitions',
        '/api/meetings/{id}/minutes/addenda',
        '/api/public/meetings/{id}/minutes.html',
        '/api/public/meetings/{id}/minutes.pdf',
      ]),
    );
    const table = await as(presentMember).get('/api/workflows/minutes');
    expect(table.body).toMatchObject({ name: 'minutes', title: 'Referat', initial: 'draft', states: ['draft', 'approved', 'signed', 'published'] });
    expect(table.body.mermaid).toContain('approved --> signed: seal (system)');
  });

  it('is signed by the chair and the secretary alone where the committee is set so', async () => {
    const admin = await t.adminToken();
    const patched = await t.request('PATCH', `/api/committees/${committeeId}`, { token: admin, body: { minutesSignedBy: 'chair-and-secretary' } });
    expect(patched.status).toBe(200);
    expect(patched.body.minutesSignedBy).toBe('chair-and-secretary');
    expect((await t.request('PATCH', `/api/committees/${committeeId}`, { token: admin, body: { minutesSignedBy: 'everyone' } })).status).toBe(400);
    try {
      const meetingId = await heldMeeting();
      const minutes = await assembled(meetingId);
      expect(minutes.signatures.signatories.map((s: { name: string }) => s.name)).toEqual(['Birgit Jakobsen', 'Sekretær Sara']);
      const fire = (who: LoggedIn, event: string) => as(who).post(`/api/meetings/${meetingId}/minutes/transitions`, { event });
      await fire(chair, 'approve');
      expect((await fire(presentMember, 'sign')).status).toBe(403);
      await fire(chair, 'sign');
      // Reopened to correct it: back to a ready draft, the signature given so far discarded, then approved again.
      expect((await fire(secretary, 'reopen')).body).toMatchObject({ state: 'ready', workflowState: 'draft', signatures: { needed: 2, given: 0 } });
      await fire(chair, 'approve');
      await fire(chair, 'sign');
      const sealed = await as(secretary).post(`/api/meetings/${meetingId}/minutes/transitions`, { event: 'sign' });
      expect(sealed.body).toMatchObject({ state: 'signed', signatures: { needed: 2, given: 2 } });
    } finally {
      await t.request('PATCH', `/api/committees/${committeeId}`, { token: admin, body: { minutesSignedBy: 'participants' } });
    }
  });
});
