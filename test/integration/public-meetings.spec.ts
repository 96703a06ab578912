import { rm } from 'node:fs/promises';
import { type MeetingFixtures, startTestApp, type LoggedIn, type TestApp } from '@app/test-kit';

/** Every text of the closed item, each distinctive, so a leak anywhere in a public answer is found by a plain search. */
const SECRET = {
  title: 'Personsag XQ-TITEL-7731',
  caseNumber: 'XQ-SAG-7731',
  closedReasonText: 'XQ-GRUND-7731',
  summary: 'XQ-RESUME-7731',
  recommendation: 'XQ-INDSTILLING-7731',
  presentation: 'XQ-SAGSFREMSTILLING-7731',
  decision: 'XQ-BESLUTNING-7731',
  attachmentName: 'XQ-BILAGSNAVN-7731.pdf',
  uploadName: 'XQ-UPLOAD-7731.pdf',
  dissent: 'XQ-DISSENS-7731',
  attendanceNote: 'XQ-AFBUD-7731',
};

const OPEN_PDF = Buffer.from('%PDF-1.7 åben');

describe('public agendas over HTTP, without login', () => {
  let t: TestApp;
  let committeeId: string;
  let otherCommitteeId: string;
  let secretary: LoggedIn;
  let member: LoggedIn;
  let driver: MeetingFixtures;
  let heldId: string;
  let openItemId: string;
  let openUploadId: string;
  let closedUploadId: string;
  let plannedId: string;
  let cancelledId: string;
  let otherPublishedId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary');
    member = await fixtures.member(committeeId, 'member', { name: 'Anders Andersen' });
    driver = fixtures.meetings(committeeId, secretary.token);

    heldId = await driver.meeting({ title: 'Ordinært møde' });
    const open = await driver.item(heldId, {
      title: 'Status på partnerskaber',
      caseNumber: '1-00-14-22',
      startTime: '09:00',
      endTime: '10:00',
      summary: 'Åbent resume',
      recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
      attachmentNames: ['Præsentation.pdf'],
    });
    openItemId = open.id;
    const closed = await driver.item(heldId, {
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
    openUploadId = (await t.api.upload(`/api/items/${open.id}/attachments`, { bytes: OPEN_PDF, name: 'Præsentation.pdf', type: 'application/pdf' }, { token: secretary.token })).body.id;
    closedUploadId = (await t.api.upload(`/api/items/${closed.id}/attachments`, { bytes: Buffer.from('%PDF-1.7 lukket'), name: SECRET.uploadName, type: 'application/pdf' }, { token: secretary.token })).body.id;
    await t.request('PUT', `/api/meetings/${heldId}/attendance/${member.id}`, { token: secretary.token, body: { status: 'absent', note: SECRET.attendanceNote } });
    await driver.hold(heldId);
    await driver.updateItem(open.id, { decision: 'Udvalget drøftede status.' });
    await driver.updateItem(closed.id, { decision: SECRET.decision });
    const dissent = await t.request('POST', `/api/items/${closed.id}/notes`, { token: secretary.token, body: { personId: member.id, kind: 'dissent', text: SECRET.dissent } });
    expect(dissent.status).toBe(201);

    plannedId = await driver.meeting({ startsAt: '2027-01-12T09:00:00+01:00', title: 'Planlagt møde' });
    await driver.item(plannedId, { title: 'Endnu ikke offentligt punkt' });
    cancelledId = await driver.meeting({ startsAt: '2027-01-19T09:00:00+01:00', title: 'Aflyst møde' });
    await driver.fireOnMeeting(cancelledId, 'cancel');

    const other = await fixtures.committee({ bodyId: committee.bodyId, name: 'Social Omsorg', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    otherCommitteeId = other.id;
    const otherDriver = fixtures.meetings(other.id, (await fixtures.member(other.id, 'secretary')).token);
    otherPublishedId = await otherDriver.meeting({ startsAt: '2027-02-02T09:00:00+01:00', title: 'Social Omsorg, februar' });
    await otherDriver.item(otherPublishedId, { title: 'Gensidig orientering' });
    await otherDriver.publish(otherPublishedId);
  });
  afterAll(async () => {
    await t.close();
    await rm(t.config.STORAGE_DIR, { recursive: true, force: true });
  });

  it('lists sent agendas, newest first, with the committee, optionally for one committee', async () => {
    const all = await t.request('GET', '/api/public/meetings');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual([otherPublishedId, heldId]);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items[1]).toEqual({
      id: heldId,
      committeeId,
      committeeName: 'Udvalg for lighed i sundhed',
      title: 'Ordinært møde',
      startsAt: '2025-03-03T08:00:00.000Z',
      endsAt: '2025-03-03T11:00:00.000Z',
      location: 'Rådhuset, Mødelokale 1',
      state: 'held',
      publishedAt: expect.any(String),
    });
    const one = await t.request('GET', `/api/public/meetings?committeeId=${otherCommitteeId}`);
    expect(one.body.items.map((m: { committeeName: string }) => m.committeeName)).toEqual(['Social Omsorg']);
    expect((await t.request('GET', '/api/public/meetings?committeeId=nope')).status).toBe(400);
    expect((await t.request('GET', '/api/public/meetings?state=planned')).status).toBe(400);
  });

  it('shows the agenda with open items in full and closed items as "Lukket punkt" with their public title, number and time slot only', async () => {
    const agenda = await t.request('GET', `/api/public/meetings/${heldId}`);
    expect(agenda.status).toBe(200);
    expect(agenda.body).not.toHaveProperty('attendance');
    expect(agenda.body.items).toEqual([
      {
        id: openItemId,
        number: 1,
        title: 'Status på partnerskaber',
        closed: false,
        publicTitle: null,
        caseNumber: '1-00-14-22',
        startTime: '09:00',
        endTime: '10:00',
        state: 'on-agenda',
        sentLateAt: null,
        summary: 'Åbent resume',
        recommendation: 'Direktionen indstiller, at udvalget drøfter status.',
        presentation: null,
        decision: 'Udvalget drøftede status.',
        attachmentNames: ['Præsentation.pdf'],
        attachments: [{ id: openUploadId, name: 'Præsentation.pdf', contentType: 'application/pdf', size: OPEN_PDF.length, sentLateAt: null }],
        dissents: [],
        disqualifications: [],
        earlierDecisions: [],
      },
      {
        id: null,
        number: 2,
        title: 'Lukket punkt: Køb af ejendom',
        closed: true,
        publicTitle: 'Køb af ejendom',
        caseNumber: null,
        startTime: '10:00',
        endTime: '10:30',
        state: null,
        sentLateAt: null,
        summary: null,
        recommendation: null,
        presentation: null,
        decision: null,
        attachmentNames: [],
        attachments: [],
        dissents: [],
        disqualifications: [],
        earlierDecisions: [],
      },
    ]);
  });

  it('answers 404 for planned, cancelled and unknown meetings alike', async () => {
    const unknown = await t.request('GET', '/api/public/meetings/00000000-0000-4000-8000-000000000000');
    for (const id of [plannedId, cancelledId]) {
      const refused = await t.request('GET', `/api/public/meetings/${id}`);
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual({ ...unknown.body, message: `No meeting with id ${id}`, details: { id } });
    }
    expect(unknown.status).toBe(404);
  });

  it('never lets any text of a closed item, or an attendance note, into any public answer', async () => {
    const bodies = [
      (await t.request('GET', '/api/public/meetings')).text,
      (await t.request('GET', `/api/public/meetings?committeeId=${committeeId}`)).text,
      (await t.request('GET', `/api/public/meetings/${heldId}`)).text,
      (await t.request('GET', `/api/public/meetings/${plannedId}`)).text,
      (await t.api.download(`/api/public/attachments/${openUploadId}/content`)).text,
      (await t.api.download(`/api/public/attachments/${closedUploadId}/content`)).text,
    ];
    const everything = bodies.join('\n');
    expect(everything).toContain('Status på partnerskaber');
    for (const secret of Object.values(SECRET)) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('lukket');
    // The member's read has it all, so the search above would have found a leak.
    const full = (await t.request('GET', `/api/meetings/${heldId}`, { token: member.token })).text;
    for (const secret of [SECRET.title, SECRET.summary, SECRET.decision, SECRET.uploadName, SECRET.dissent, SECRET.attendanceNote]) expect(full).toContain(secret);
  });
});
