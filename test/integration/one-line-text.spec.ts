import { changedTables, fingerprint, startTestApp, type LoggedIn, type TestApp } from '@app/test-kit';

/** Names and titles are one line: a control character in one could forge an iCalendar or e-mail line (issue 12, point 4). */
describe('control characters in names and titles over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let committeeId: string;
  let secretary: LoggedIn;
  let meetingId: string;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const fixtures = await t.fixtures();
    const committee = await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    committeeId = committee.id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara' });
    const meeting = await t.request('POST', `/api/committees/${committeeId}/meetings`, {
      token: secretary.token,
      body: { startsAt: '2027-02-02T09:30:00+01:00', location: 'Rådhuset', title: 'Udvalgsmøde' },
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.body.id;
    const item = await t.request('POST', `/api/meetings/${meetingId}/items`, { token: secretary.token, body: { title: 'Status' } });
    expect(item.status).toBe(201);
    itemId = item.body.id;
  });
  afterAll(() => t.close());

  const forged = 'Udvalgsmøde\rATTENDEE;CN=Evil:mailto:evil@example.com';

  it.each<[string, string, () => [string, string, Record<string, unknown>]]>([
    ['a meeting title', 'title', () => ['POST', `/api/committees/${committeeId}/meetings`, { startsAt: '2027-03-02T09:30:00+01:00', location: 'Rådhuset', title: forged }]],
    ['a changed meeting title', 'title', () => ['PATCH', `/api/meetings/${meetingId}`, { title: forged }]],
    ['a meeting place', 'location', () => ['POST', `/api/committees/${committeeId}/meetings`, { startsAt: '2027-03-02T09:30:00+01:00', location: 'Rådhuset\nORGANIZER:mailto:evil@example.com' }]],
    ['a changed meeting place', 'location', () => ['PATCH', `/api/meetings/${meetingId}`, { location: 'Rådhuset\r\nLokale 1' }]],
    ['an item title', 'title', () => ['POST', `/api/meetings/${meetingId}/items`, { title: 'Status\r# Forged heading' }]],
    ['a changed item title (a NUL is refused earlier, at the edge)', 'title', () => ['PATCH', `/api/items/${itemId}`, { title: 'Status\u0007' }]],
    ['an item\'s case number', 'caseNumber', () => ['POST', `/api/meetings/${meetingId}/items`, { title: 'Status', caseNumber: '00.01.00-P22-1-19\r\nBcc: evil@example.com' }]],
    ['a changed case number', 'caseNumber', () => ['PATCH', `/api/items/${itemId}`, { caseNumber: '00.01\n00' }]],
    // Both go into e-mail subjects: the kommissorium notices and the phase reminders.
    ['a kommissorium title', 'title', () => ['POST', `/api/committees/${committeeId}/commissions`, { title: 'Kommissorium\r\nBcc: evil@example.com', purpose: 'Formål' }]],
    ['a phase title', 'title', () => ['POST', `/api/committees/${committeeId}/phases`, { title: 'Fase\r1', fromQuarter: '2027-Q1', toQuarter: '2027-Q2' }]],
  ])('refuses %s with a carriage return or other control character: 400 naming the field, nothing changed', async (_case, field, request) => {
    const [method, url, body] = request();
    const before = await fingerprint(t.dataSource);
    const res = await t.request(method as 'POST' | 'PATCH', url, { token: secretary.token, body });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(new RegExp(`${field} must be one line of text without control characters`));
    expect(changedTables(before, await fingerprint(t.dataSource))).toEqual({});
  });

  it('refuses a person’s name with a carriage return: 400, nothing changed', async () => {
    const before = await fingerprint(t.dataSource);
    const res = await t.request('POST', '/api/people', { token: admin, body: { name: 'Birgit\rJakobsen', email: 'birgit.cr@hedensted.dk' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/name must be one line of text without control characters/);
    expect(changedTables(before, await fingerprint(t.dataSource))).toEqual({});
  });

  it('still takes Danish letters and the punctuation the calendar escapes', async () => {
    const res = await t.request('PATCH', `/api/meetings/${meetingId}`, { token: secretary.token, body: { title: 'Møde; "Ærø", Åbenrå \\ 2' } });
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Møde; "Ærø", Åbenrå \\ 2');
  });
});
