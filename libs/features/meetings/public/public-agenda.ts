import { redactItemsForPublic } from '@app/domain';
import type { AgendaItemDto, ItemNoteDto } from '../agenda/agenda-item.dto.js';
import type { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import type { PublicAgendaItemDto, PublicItemNoteDto, PublicMeetingDto, PublicMeetingSummaryDto } from './public-meeting.dto.js';

export function publicSummary(meeting: MeetingSummaryDto): PublicMeetingSummaryDto {
  const { id, committeeId, committeeName, title, startsAt, endsAt, location, state, publishedAt } = meeting;
  return { id, committeeId, committeeName, title, startsAt, endsAt, location, state, publishedAt };
}

const publicNote = ({ personName, text }: ItemNoteDto): PublicItemNoteDto => ({ personName, text });

/**
 * The public fields of an item already through redactItemsForPublic; it only leaves internal fields out. A withdrawn
 * item ("Punktet udgår", read from the item as stored, so a closed one says so too) keeps its number and title only.
 */
function publicItem(item: AgendaItemDto, stored: AgendaItemDto): PublicAgendaItemDto {
  const withdrawn = stored.state === 'withdrawn';
  const text = (value: string | null) => (withdrawn ? null : value);
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    closed: item.closed,
    publicTitle: item.closed ? item.publicTitle : null,
    caseNumber: text(item.caseNumber),
    startTime: item.startTime,
    endTime: item.endTime,
    state: withdrawn ? stored.state : item.state,
    sentLateAt: item.sentLateAt,
    summary: text(item.summary),
    recommendation: text(item.recommendation),
    presentation: text(item.presentation),
    decision: text(item.decision),
    attachmentNames: withdrawn ? [] : item.attachmentNames,
    attachments: withdrawn ? [] : item.attachments.map(({ id, name, contentType, size, sentLateAt }) => ({ id, name, contentType, size, sentLateAt })),
    dissents: item.dissents.map(publicNote),
    disqualifications: item.disqualifications.map(publicNote),
    earlierDecisions: withdrawn ? [] : item.earlierDecisions.map(({ committeeName, meetingStartsAt, decision }) => ({ committeeName, meetingStartsAt, decision })),
  };
}

/** The meeting as the public portal shows it, from the meeting and its items as stored. */
export function publicAgenda(meeting: MeetingSummaryDto, stored: AgendaItemDto[]): PublicMeetingDto {
  return { ...publicSummary(meeting), items: redactItemsForPublic(stored).map((item, index) => publicItem(item, stored[index])) };
}
