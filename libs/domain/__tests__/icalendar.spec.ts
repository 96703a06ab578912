import ICAL from 'ical.js';
import { buildCalendarFeed, buildMeetingInvitation, escapeIcalText, type MeetingInvitation } from '../icalendar.js';

const invitation: MeetingInvitation = {
  uid: 'meeting-6f1c@udvalg.example.dk',
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2024-02-02T08:30:00Z'),
  end: new Date('2024-02-02T11:00:00Z'),
  summary: 'Udvalg for lighed i sundhed; møde nr. 1, "dagsorden"',
  location: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus',
  description: 'Dagsorden:\n1. Gensidig orientering (kl. 9.30-10.30)\n2. Lukket punkt',
  url: 'http://localhost:3000/api/meetings/6f1c',
  organizer: { name: 'Udvalgssekretær Ærø Øster', email: 'sekretaer@rm.dk' },
  attendees: [
    { name: 'Birgit Jakobsen', email: 'birgit@hedensted.dk' },
    { name: 'Åse "Aase" Ørsted', email: 'aase@hedensted.dk' },
  ],
  stamp: new Date('2024-01-20T10:00:00Z'),
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { calendar, event };
}

describe('meeting invitations in iCalendar', () => {
  it('parses with a real iCalendar parser and keeps every field, Danish letters and punctuation included', () => {
    const { calendar, event } = parse(buildMeetingInvitation(invitation));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(invitation.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(invitation.summary);
    expect(event.location).toBe(invitation.location);
    expect(event.description).toBe(invitation.description);
    expect(event.organizer).toBe('mailto:sekretaer@rm.dk');
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:birgit@hedensted.dk', 'mailto:aase@hedensted.dk']);
    expect(event.attendees[1].getParameter('cn')).toBe("Åse 'Aase' Ørsted");
  });

  it('writes Copenhagen wall-clock times with the zone, in winter and in summer', () => {
    const winter = buildMeetingInvitation(invitation);
    expect(winter).toContain('DTSTART;TZID=Europe/Copenhagen:20240202T093000');
    expect(winter).toContain('DTEND;TZID=Europe/Copenhagen:20240202T120000');
    const summer = buildMeetingInvitation({ ...invitation, start: new Date('2024-06-05T07:00:00Z'), end: new Date('2024-06-05T08:00:00Z') });
    expect(summer).toContain('DTSTART;TZID=Europe/Copenhagen:20240605T090000');

    const { calendar, event } = parse(summer);
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    event.startDate.zone = zone;
    expect(event.startDate.toJSDate().toISOString()).toBe('2024-06-05T07:00:00.000Z');
  });

  it('folds long lines at 75 octets without splitting a letter, and ends lines with CRLF', () => {
    const text = buildMeetingInvitation({ ...invitation, description: 'æøå'.repeat(60) });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(parse(text).event.description).toBe('æøå'.repeat(60));
  });

  it('marks a cancellation as such, with the raised sequence', () => {
    const { calendar, event } = parse(buildMeetingInvitation({ ...invitation, method: 'CANCEL', sequence: 3 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.sequence).toBe(3);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('TEXT escaping (RFC 5545 § 3.3.11)', () => {
  it.each([
    ['a lone CR', 'Møde\rATTENDEE:mailto:evil@example.com', 'Møde\\nATTENDEE:mailto:evil@example.com'],
    ['a lone LF', 'Møde\nORGANIZER:mailto:evil@example.com', 'Møde\\nORGANIZER:mailto:evil@example.com'],
    ['CRLF', 'Møde\r\nATTENDEE:mailto:evil@example.com', 'Møde\\nATTENDEE:mailto:evil@example.com'],
    ['a backslash', 'C:\\mappe', 'C:\\\\mappe'],
    ['a semicolon', 'a;b', 'a\\;b'],
    ['a comma', 'a,b', 'a\\,b'],
    ['other control characters', 'a\u0000b\u0007c\u001bd\u0085e', 'abcde'],
    ['Unicode line separators', 'a\u2028b\u2029c', 'a\\nb\\nc'],
  ])('escapes %s', (_case, text, expected) => {
    expect(escapeIcalText(text)).toBe(expected);
    expect(escapeIcalText(text)).not.toMatch(/[\r\n]/);
  });

  const forged = 'x\rATTENDEE;CN=Evil:mailto:evil@example.com\rORGANIZER;CN=Evil:mailto:evil@example.com';

  it.each<[string, Partial<MeetingInvitation>]>([
    ['summary', { summary: forged }],
    ['location', { location: forged }],
    ['description', { description: forged }],
    ['organizer name', { organizer: { name: forged, email: 'sekretaer@rm.dk' } }],
    ['attendee name', { attendees: [{ name: forged, email: 'birgit@hedensted.dk' }] }],
  ])('a lone CR in the %s adds no line: no extra ATTENDEE or ORGANIZER, the text kept as text', (_field, change) => {
    const text = buildMeetingInvitation({ ...invitation, ...change });
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded.filter((line) => line.startsWith('ORGANIZER'))).toHaveLength(1);
    expect(unfolded.filter((line) => line.startsWith('ATTENDEE'))).toHaveLength(change.attendees?.length ?? invitation.attendees.length);
    const { event } = parse(text);
    expect(event.organizer).toBe('mailto:sekretaer@rm.dk');
    expect(event.attendees.map((a) => a.getFirstValue())).not.toContain('mailto:evil@example.com');
    if (change.summary) expect(event.summary).toBe(forged.replace(/\r/g, '\n'));
  });
});

describe('calendar feeds (METHOD:PUBLISH)', () => {
  const event = { uid: invitation.uid, sequence: 2, stamp: invitation.stamp, lastModified: invitation.stamp, start: invitation.start, end: invitation.end, summary: 'Møde', location: 'Rådhuset', cancelled: false };

  it('holds every event with its UID and SEQUENCE, its name and refresh interval, and nobody’s address', () => {
    const text = buildCalendarFeed({
      name: 'Udvalg for lighed i sundhed: møder',
      description: 'Møder, du er indkaldt til',
      refreshMinutes: 60,
      events: [event, { ...event, uid: 'meeting-7a2d@udvalg.example.dk', sequence: 5, cancelled: true }],
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Udvalg for lighed i sundhed: møder');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT60M\r\n');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((e) => [e.uid, e.sequence, e.component.getFirstPropertyValue('status')])).toEqual([
      [invitation.uid, 2, 'CONFIRMED'],
      ['meeting-7a2d@udvalg.example.dk', 5, 'CANCELLED'],
    ]);
    expect(text).toContain('LAST-MODIFIED:20240120T100000Z');
    expect(text).not.toContain('ORGANIZER');
    expect(text).not.toContain('ATTENDEE');
  });

  it('escapes the calendar’s name like any TEXT, so it starts no line of its own', () => {
    const text = buildCalendarFeed({ name: 'Udvalg\r\nX-WR-CALNAME:Forfalsket', refreshMinutes: 60, events: [] });
    expect(text).not.toMatch(/^X-WR-CALNAME:Forfalsket/m);
    expect(text).toContain('X-WR-CALNAME:Udvalg\\nX-WR-CALNAME:Forfalsket\r\n');
  });
});
