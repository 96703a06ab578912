import type { WebPages } from '@app/config';
import { buildCalendarFeed, type CalendarEvent } from '@app/domain';
import { meetingEnd, meetingUid } from '../invitation/meeting-invitation.builder.js';
import type { FeedMeeting } from './calendar-feed.repository.js';

/** How often subscribers are asked to fetch a feed again. */
export const FEED_REFRESH_MINUTES = 60;

/** Who reads a feed: the public (its links lead to the public portal) or a member (to the meeting page). */
export type FeedAudience = 'public' | 'member';

/**
 * A meeting as an event of a feed: the UID and SEQUENCE of its invitation, so a calendar holding both sees one
 * event; its end as the invitation has it. Meeting-level facts only: no item is named, open or closed.
 */
export function feedEvent(meeting: FeedMeeting, pages: WebPages, audience: FeedAudience): CalendarEvent {
  const cancelled = meeting.state === 'cancelled';
  // A cancelled meeting has no public page to link to; members keep theirs.
  const url = audience === 'member' ? pages.meeting(meeting.id) : cancelled ? undefined : pages.publicMeeting(meeting.id);
  const name = meeting.title || meeting.committeeName;
  const updatedAt = new Date(meeting.updatedAt);
  return {
    uid: meetingUid(meeting.id, pages),
    sequence: meeting.sequence,
    stamp: updatedAt,
    lastModified: updatedAt,
    start: new Date(meeting.startsAt),
    end: meetingEnd({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, items: [{ endTime: meeting.lastItemEnd }] }),
    summary: cancelled ? `Aflyst: ${name}` : name,
    location: meeting.location,
    description: [
      `Udvalg: ${meeting.committeeName}`,
      ...(cancelled ? ['Mødet er aflyst.'] : []),
      ...(url ? [`${audience === 'public' ? 'Dagsorden' : 'Mødet'}: ${url}`] : []),
    ].join('\n'),
    url,
    cancelled,
  };
}

/** The whole feed's text. */
export function feedCalendar(name: string, description: string, meetings: readonly FeedMeeting[], pages: WebPages, audience: FeedAudience): string {
  return buildCalendarFeed({ name, description, refreshMinutes: FEED_REFRESH_MINUTES, events: meetings.map((meeting) => feedEvent(meeting, pages, audience)) });
}
