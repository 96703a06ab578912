import type { WebPages } from '@app/config';
import {
  copenhagenDate,
  copenhagenInstant,
  timeSlot,
  redactItemsForPublic,
  type CalendarPerson,
  type MeetingInvitation,
  type RedactableItem,
} from '@app/domain';

/** What an invitation is made from: the meeting with its agenda in order. */
export interface InvitationMeeting {
  id: string;
  committeeName: string;
  title: string | null;
  startsAt: Date;
  endsAt: Date | null;
  location: string;
  state: string;
  sequence: number;
  items: readonly RedactableItem[];
}

/** The people on the committee on the meeting's day; the first secretary organises. */
export interface InvitationPeople {
  secretaries: readonly CalendarPerson[];
  members: readonly CalendarPerson[];
}

export interface InvitationSettings {
  /** Where the invitation's URL and description send the reader. */
  pages: WebPages;
  /** MAIL_FROM, e.g. `Udvalgssekretariatet <udvalg@kommune.dk>`: the organizer when the committee has no secretary. */
  mailFrom: string;
}

/** A meeting without an end blocks this long in calendars, unless its timed items run longer. */
const DEFAULT_DURATION_MS = 2 * 3_600_000;

/** `Name <address>` or a bare address, as MAIL_FROM is written. */
function mailbox(from: string): CalendarPerson {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(from);
  if (match) return { name: match[1].trim() || match[2], email: match[2] };
  return { name: from.trim(), email: from.trim() };
}

/** The meeting's end; without one, the end of its last timed item that day, else two hours after the start. */
export function meetingEnd(meeting: { startsAt: Date; endsAt: Date | null; items: readonly { endTime?: string | null }[] }): Date {
  const start = new Date(meeting.startsAt);
  if (meeting.endsAt) return new Date(meeting.endsAt);
  const lastEnd = meeting.items.map((item) => item.endTime).filter((time): time is string => Boolean(time)).sort().at(-1);
  const itemsEnd = lastEnd ? copenhagenInstant(copenhagenDate(start), lastEnd) : null;
  return itemsEnd && itemsEnd > start ? itemsEnd : new Date(start.getTime() + DEFAULT_DURATION_MS);
}

/**
 * The agenda as the event's text. Calendars are shared, synced to phones and forwarded, so closed items appear as
 * the public sees them: number, time slot and "Lukket punkt: <public title>", through the domain's one redaction function.
 */
function agendaText(items: readonly RedactableItem[], url: string): string {
  const lines = redactItemsForPublic(items).map((item) => {
    const slot = timeSlot(item.startTime, item.endTime);
    return `Punkt ${item.number}: ${item.title}${slot ? ` (${slot})` : ''}`;
  });
  return [...(lines.length ? ['Dagsorden:', ...lines] : ['Dagsordenen følger.']), '', `Mødet: ${url}`].join('\n');
}

/** The meeting's UID in every calendar: its invitations, the e-mailed ones and the feeds alike. */
export function meetingUid(meetingId: string, pages: WebPages): string {
  return `meeting-${meetingId}@${new URL(pages.base).hostname}`;
}

/**
 * The calendar invitation for a meeting as it stands: one UID per meeting, so calendars update the same event;
 * the meeting's SEQUENCE; CANCEL once it is called off. The calendar file and the agenda e-mail both come from here.
 */
export function invitationForMeeting(meeting: InvitationMeeting, people: InvitationPeople, settings: InvitationSettings, stamp: Date = new Date()): MeetingInvitation {
  const url = settings.pages.meeting(meeting.id);
  const organizer = people.secretaries[0] ?? mailbox(settings.mailFrom);
  // The organizer is not asked to answer their own invitation; each address is invited once.
  const invited = new Set([organizer.email.toLowerCase()]);
  const attendees = people.members.filter((person) => {
    const key = person.email.toLowerCase();
    if (invited.has(key)) return false;
    invited.add(key);
    return true;
  });
  return {
    uid: meetingUid(meeting.id, settings.pages),
    sequence: meeting.sequence,
    method: meeting.state === 'cancelled' ? 'CANCEL' : 'REQUEST',
    start: new Date(meeting.startsAt),
    end: meetingEnd(meeting),
    summary: meeting.title || meeting.committeeName,
    location: meeting.location,
    description: agendaText(meeting.items, url),
    url,
    organizer,
    attendees,
    stamp,
  };
}
