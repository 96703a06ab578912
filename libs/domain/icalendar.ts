export type InvitationMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface MeetingInvitation {
  /** Stable for the meeting, so calendars update the same event. */
  uid: string;
  /** Raised on every change after the first invitation (RFC 5546). */
  sequence: number;
  method: InvitationMethod;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description?: string;
  url?: string;
  organizer: CalendarPerson;
  attendees: readonly CalendarPerson[];
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
}

const TIMEZONE = 'Europe/Copenhagen';

// The rules Denmark has followed since 1996: CEST from the last Sunday of March, CET from the last Sunday of October.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIMEZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * Control characters other than HTAB (C0, DEL, C1) and the Unicode line and paragraph separators: none may reach
 * an iCalendar line as such (RFC 5545 § 3.1, § 3.3.11), or a value could end its line and start a forged one.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * TEXT escaping of RFC 5545 § 3.3.11: backslash, semicolon and comma escaped; every line break (CRLF, a lone CR, a
 * lone LF, U+2028/U+2029) written as `\n`; any other control character dropped. The result holds no CR or LF.
 */
export function escapeIcalText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
    .replace(CONTROL, '');
}

/** A quoted parameter value may hold neither a double quote nor a control character (RFC 5545 § 3.2, QSAFE-CHAR). */
function quoteParameter(value: string): string {
  return `"${value.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(CONTROL, '').replace(/"/g, "'")}"`;
}

/** A URI or other non-TEXT value: control characters dropped, so none can end the line. */
function plain(value: string): string {
  return value.replace(/[\r\n]/g, '').replace(CONTROL, '');
}

/** Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character. */
const utf8 = new TextEncoder();

function fold(line: string): string {
  if (utf8.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const charSize = utf8.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + charSize > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The wall-clock time in Copenhagen, as iCalendar's local DATE-TIME. */
export function copenhagenLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

/** One event as calendars store it: what a feed lists and what an invitation carries. */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description?: string;
  url?: string;
  cancelled: boolean;
  /** LAST-MODIFIED, where the event's own last change is known. */
  lastModified?: Date;
  organizer?: CalendarPerson;
  attendees?: readonly CalendarPerson[];
}

function eventLines(event: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${plain(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    ...(event.lastModified ? [`LAST-MODIFIED:${utc(event.lastModified)}`] : []),
    `DTSTART;TZID=${TIMEZONE}:${copenhagenLocal(event.start)}`,
    `DTEND;TZID=${TIMEZONE}:${copenhagenLocal(event.end)}`,
    `SUMMARY:${escapeIcalText(event.summary)}`,
    `LOCATION:${escapeIcalText(event.location)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcalText(event.description)}`] : []),
    ...(event.url ? [`URL:${plain(event.url)}`] : []),
    ...(event.organizer ? [`ORGANIZER;CN=${quoteParameter(event.organizer.name)}:mailto:${plain(event.organizer.email)}`] : []),
    ...(event.attendees ?? []).map(
      (a) => `ATTENDEE;CN=${quoteParameter(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${plain(a.email)}`,
    ),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

function calendarText(lines: string[]): string {
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

const CALENDAR_HEAD = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Udvalgsarbejde//Dagsorden//DA', 'CALSCALE:GREGORIAN'];

/** A VCALENDAR with one VEVENT for a meeting, in Europe/Copenhagen time, as e-mail invitations need. */
export function buildMeetingInvitation(invitation: MeetingInvitation): string {
  const { method, ...event } = invitation;
  return calendarText([...CALENDAR_HEAD, `METHOD:${method}`, ...VTIMEZONE, ...eventLines({ ...event, cancelled: method === 'CANCEL' }), 'END:VCALENDAR']);
}

/** A calendar that applications subscribe to by URL and fetch again from time to time. */
export interface CalendarFeed {
  /** X-WR-CALNAME: the name a calendar application gives the subscription. */
  name: string;
  description?: string;
  /** How often subscribers should fetch it again (REFRESH-INTERVAL, RFC 7986; X-PUBLISHED-TTL for older clients). */
  refreshMinutes: number;
  events: readonly CalendarEvent[];
}

/**
 * A subscribed calendar (METHOD:PUBLISH, RFC 5545 and RFC 7986) of many events in Europe/Copenhagen time. Each event
 * keeps the UID and SEQUENCE of its invitation, so a calendar sees a change or a cancellation as the same event.
 */
export function buildCalendarFeed(feed: CalendarFeed): string {
  const refresh = `PT${feed.refreshMinutes}M`;
  return calendarText([
    ...CALENDAR_HEAD,
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcalText(feed.name)}`,
    `NAME:${escapeIcalText(feed.name)}`,
    ...(feed.description ? [`X-WR-CALDESC:${escapeIcalText(feed.description)}`, `DESCRIPTION:${escapeIcalText(feed.description)}`] : []),
    `X-WR-TIMEZONE:${TIMEZONE}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
    ...VTIMEZONE,
    ...feed.events.flatMap(eventLines),
    'END:VCALENDAR',
  ]);
}
