import { type Fixtures, type LoggedIn, type MeetingFixtures, pdfPages, startTestApp, type TestApp, waitForOutboxDrained } from '@app/test-kit';
import { getDocumentProxy } from 'unpdf';

/** Every text only the closed item says, each distinctive, so a leak into the public PDF is found by a plain search. */
const SECRET = {
  title: 'Personsag XQ-TITEL-4417',
  caseNumber: 'XQ-SAG-4417',
  closedReasonText: 'XQ-GRUND-4417',
  summary: 'XQ-RESUME-4417',
  recommendation: 'XQ-INDSTILLING-4417',
  presentation: 'XQ-SAGSFREMSTILLING-4417',
  attachmentName: 'XQ-BILAGSNAVN-4417.pdf',
};

describe('the agenda as one PDF (samlet dagsorden), members’ and public', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let secretary: LoggedIn;
  let member: LoggedIn;
  let stranger: LoggedIn;
  let driver: MeetingFixtures;
  let meetingId: string;
  let openItemId: string;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for Ældre og Sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    secretary = await fixtures.member(committee.id, 'secretary');
    member = await fixtures.member(committee.id, 'member', { name: 'Anders Andersen' });
    const other = await fixtures.committee({ bodyId: committee.bodyId, name: 'Social Omsorg', kind: 'standing', mandateEnd: null });
    stranger = await fixtures.member(other.id, 'member');
    driver = fixtures.meetings(committee.id, secretary.token);

    meetingId = await driver.meeting({ title: 'Ordinært møde' });
    const open = await driver.item(meetingId, {
      title: 'Status på partnerskaber',
      caseNumber: '1-00-14-22',
      startTime: '09:00',
      endTime: '10:00',
      summary: 'Åbent resume',
      recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
      presentation: 'Partnerskaberne med Struer og Norddjurs er i gang.',
      attachmentNames: ['Præsentation.pdf'],
    });
    openItemId = open.id;
    await driver.item(meetingId, {
      title: SECRET.title,
      caseNumber: SECRET.caseNumber,
      startTime: '10:00',
      endTime: '10:30',
      closed: true,
      closedReason: 'other',
      closedReasonText: SECRET.closedReasonText,
      publicTitle: 'Køb af ejendom',
      summary: SECRET.summary,
      recommendation: SECRET.recommendation,
      presentation: SECRET.presentation,
      attachmentNames: [SECRET.attachmentName],
    });
    await driver.publish(meetingId);
    await waitForOutboxDrained(t.dataSource, 30_000);
  });
  afterAll(() => t.close());

  const download = (path: string, who?: LoggedIn) => t.api.download(path, who?.token);
  const textOf = async (pdf: Buffer) => (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');

  it('gives a member the whole agenda, closed item in full, as a PDF named in Danish with its hash as ETag', async () => {
    const pdf = await download(`/api/meetings/${meetingId}/agenda.pdf`, member);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    // It holds the closed items in full.
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="dagsorden-udvalg-for-aeldre-og-sundhed-2025-03-03.pdf"; filename*=UTF-8''dagsorden-udvalg-for-%C3%A6ldre-og-sundhed-2025-03-03.pdf`,
    );
    const text = await textOf(pdf.bytes);
    for (const expected of [
      'DAGSORDEN Udvalg for Ældre og Sundhed d. 03-03-2025',
      'Ordinært møde',
      'Mandag d. 03. marts 2025 kl. 09:00-12:00',
      'Rådhuset, Mødelokale 1',
      'Punkt 1: Status på partnerskaber (kl. 9.00-10.00)',
      'Sagsnr.: 1-00-14-22',
      'Åbent resume',
      'Direktionen indstiller, at udvalget drøfter status.',
      'Partnerskaberne med Struer og Norddjurs er i gang.',
      'Præsentation.pdf',
      ...Object.values(SECRET),
    ]) {
      expect(text).toContain(expected);
    }
    const document = await getDocumentProxy(new Uint8Array(pdf.bytes));
    const { info } = (await document.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe('DAGSORDEN Udvalg for Ældre og Sundhed d. 03-03-2025');
    // The document catalogue's language, which pdf.js does not report.
    expect(pdf.bytes.toString('latin1')).toMatch(/\/Lang \(da-DK\)/);
  });

  it('gives anyone the public version without login: the closed item only as its number, "Lukket punkt" and its public title', async () => {
    const pdf = await download(`/api/public/meetings/${meetingId}/agenda.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('filename="dagsorden-udvalg-for-aeldre-og-sundhed-2025-03-03-offentlig.pdf"');
    const text = await textOf(pdf.bytes);
    expect(text).toContain('Punkt 1: Status på partnerskaber');
    expect(text).toContain('Præsentation.pdf');
    expect(text).toContain('Punkt 2: Lukket punkt: Køb af ejendom (kl. 10.00-10.30)');
    for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
    expect(pdf.bytes.toString('latin1')).not.toContain('XQ-');
  });

  it('answers a stranger as the meeting read does, and nobody the public PDF of an agenda not published', async () => {
    const read = await download(`/api/meetings/${meetingId}`, stranger);
    expect((await download(`/api/meetings/${meetingId}/agenda.pdf`, stranger)).status).toBe(read.status);
    expect(read.status).toBe(403);
    expect((await download(`/api/meetings/${meetingId}/agenda.pdf`)).status).toBe(401);

    const plannedId = await driver.meeting({ title: 'Endnu ikke udsendt' });
    const publicPlanned = await download(`/api/public/meetings/${plannedId}/agenda.pdf`);
    expect(publicPlanned.status).toBe(404);
    expect(JSON.parse(publicPlanned.text)).toMatchObject({ code: 'meeting_not_found' });
    const membersPlanned = await download(`/api/meetings/${plannedId}/agenda.pdf`, member);
    expect(membersPlanned.status).toBe(409);
    expect(JSON.parse(membersPlanned.text)).toMatchObject({ code: 'agenda_not_sent' });
    expect((await download('/api/public/meetings/00000000-0000-4000-8000-000000000000/agenda.pdf')).status).toBe(404);
    expect((await download('/api/public/meetings/not-a-uuid/agenda.pdf')).status).toBe(400);
  });

  it('is built again after the agenda changes, and never serves the PDF of the agenda before the change', async () => {
    const before = await download(`/api/public/meetings/${meetingId}/agenda.pdf`);
    await driver.updateItem(openItemId, { summary: 'Rettet resume efter udsendelse' });
    // Asked at once, before the worker may have built it: the answer is the changed agenda, or none.
    const after = await download(`/api/public/meetings/${meetingId}/agenda.pdf`);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const text = await textOf(after.bytes);
    expect(text).toContain('Rettet resume efter udsendelse');
    expect(text).not.toContain('Åbent resume');
    const members = await textOf((await download(`/api/meetings/${meetingId}/agenda.pdf`, member)).bytes);
    expect(members).toContain('Rettet resume efter udsendelse');
  });
});
