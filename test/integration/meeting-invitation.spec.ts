import ICAL from 'ical.js';
import { type Fixtures, type MeetingFixtures, startTestApp, type LoggedIn, type TestApp } from '@app/test-kit';

const CLOSED_TITLE = 'Personsag ICS-HEMMELIG-4410';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { calendar, event };
}

describe('the calendar invitation of a meeting over HTTP', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let committeeId: string;
  let secretary: LoggedIn;
  let chair: LoggedIn;
  let member: LoggedIn;
  let outsider: LoggedIn;
  let driver: MeetingFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    fixtures = await t.fixtures();
    committeeId = (await fixtures.committee({ name: 'Udvalg for lighed i sundhed', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null })).id;
    secretary = await fixtures.member(committeeId, 'secretary', { name: 'Sekretær Sara', email: 'sara@rm.dk' });
    chair = await fixtures.member(committeeId, 'chair', { name: 'Birgit Jakobsen', email: 'birgit@hedensted.dk' });
    member = await fixtures.member(committeeId, 'member', { name: 'Åse Ørsted', email: 'aase@hedensted.dk' });
    outsider = await fixtures.person({ login: true });
    driver = fixtures.meetings(committeeId, secretary.token);
  });
  afterAll(() => t.close());

  const invite = (meetingId: string, token?: string) => t.request('GET', `/api/meetings/${meetingId}/invite.ics`, { token });

  it('is an iCalendar REQUEST with a stable UID, the meeting’s SEQUENCE, the secretary as organizer and the members invited', async () => {
    const later = await fixtures.person({ name: 'Anden Sekretær', email: 'anden@rm.dk', login: true });
    await fixtures.seat(committeeId, later.id, 'secretary', { startDate: '2024-06-01' });
    const former = await fixtures.person({ name: 'Tidligere Medlem', email: 'former@hedensted.dk', login: true });
    await fixtures.seat(committeeId, former.id, 'member', { startDate: '2024-01-01', endDate: '2026-12-31' });

    const meetingId = await driver.meeting({
      startsAt: '2027-02-02T09:30:00+01:00',
      endsAt: '2027-02-02T12:00:00+01:00',
      location: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus',
      title: 'Udvalg for lighed i sundhed; møde nr. 1',
    });
    await driver.item(meetingId, { title: 'Gensidig orientering', startTime: '09:30', endTime: '10:00' });
    await driver.item(meetingId, { title: CLOSED_TITLE, closed: true, closedReason: 'personal-matter', startTime: '10:00', endTime: '10:30', summary: 'ICS-HEMMELIG-RESUME' });

    const response = await invite(meetingId, member.token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const { calendar, event } = parse(response.text);
    const host = new URL(t.config.PUBLIC_BASE_URL).hostname;
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`meeting-${meetingId}@${host}`);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Udvalg for lighed i sundhed; møde nr. 1');
    expect(event.location).toBe('Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus');
    expect(event.startDate.toJSDate()).toEqual(new Date('2027-02-02T08:30:00Z'));
    expect(event.endDate.toJSDate()).toEqual(new Date('2027-02-02T11:00:00Z'));
    expect(event.organizer).toBe('mailto:sara@rm.dk');
    expect(event.attendees.map((a) => a.getFirstValue()).sort()).toEqual(['mailto:aase@hedensted.dk', 'mailto:anden@rm.dk', 'mailto:birgit@hedensted.dk']);
    expect(event.attendees.find((a) => a.getFirstValue() === 'mailto:aase@hedensted.dk')!.getParameter('cn')).toBe('Åse Ørsted');
    expect(event.description).toBe(
      [
        'Dagsorden:',
        'Punkt 1: Gensidig orientering (kl. 9.30-10.00)',
        'Punkt 2: Lukket punkt: Personalesag (kl. 10.00-10.30)',
        '',
        `Mødet: ${t.config.PUBLIC_BASE_URL}/moeder/${meetingId}`,
      ].join('\n'),
    );
    expect(response.text).not.toContain('ICS-HEMMELIG');
    expect(response.text.replace(/\r\n /g, '')).not.toContain('former@hedensted.dk');

    // The same meeting keeps its UID; a change members are told about raises the SEQUENCE.
    await driver.publish(meetingId);
    await t.request('PATCH', `/api/meetings/${meetingId}`, { token: secretary.token, body: { location: 'Rådhuset, Byrådssalen' } });
    const { sequence } = (await t.request('GET', `/api/meetings/${meetingId}`, { token: chair.token })).body;
    expect(sequence).toBeGreaterThan(0);
    const { event: updated } = parse((await invite(meetingId, chair.token)).text);
    expect(updated.uid).toBe(event.uid);
    expect(updated.sequence).toBe(sequence);
    expect(updated.location).toBe('Rådhuset, Byrådssalen');
  });

  it('cancels a cancelled meeting, and comes from MAIL_FROM when the committee has no secretary', async () => {
    // A working group works under a committee; neither has a secretary.
    const parent = await fixtures.committee({ name: 'Udvalg for Struer', kind: 'standing', mandateStart: '2024-01-01', mandateEnd: null });
    const noSecretary = await fixtures.committee({ bodyId: parent.bodyId, parentId: parent.id, name: 'Arbejdsgruppe Struer', kind: 'working-group', mandateStart: '2024-01-01', mandateEnd: null });
    const groupChair = await fixtures.member(noSecretary.id, 'chair', { email: 'formand@struer.dk' });
    const admin = await t.adminToken();
    const created = await t.request('POST', `/api/committees/${noSecretary.id}/meetings`, { token: admin, body: { startsAt: '2027-03-01T13:00:00+01:00', location: 'Struer Rådhus' } });
    await t.request('POST', `/api/meetings/${created.body.id}/transitions`, { token: groupChair.token, body: { event: 'cancel' } });

    const response = await invite(created.body.id, groupChair.token);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8; method=CANCEL');
    const { calendar, event } = parse(response.text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.summary).toBe('Arbejdsgruppe Struer');
    expect(event.organizer).toBe(`mailto:${/<(.+)>/.exec(t.config.MAIL_FROM)![1]}`);
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:formand@struer.dk']);
  });

  it('is for members, directors and admins only', async () => {
    const meetingId = await driver.meeting({ startsAt: '2027-04-06T09:00:00+02:00' });
    expect((await invite(meetingId, outsider.token)).status).toBe(403);
    expect((await invite(meetingId)).status).toBe(401);
    expect((await invite('00000000-0000-4000-8000-000000000000', member.token)).status).toBe(404);
    expect((await invite(meetingId, await t.adminToken())).status).toBe(200);
  });
});
