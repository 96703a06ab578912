import { Injectable } from '@nestjs/common';
import { type Page, pageOfPositioned, type PageQueryDto, pageRequest } from '@app/core';
import { DomainError, MEETING_PUBLIC, PUBLIC_MEETING_STATES, redactItemsForPublic } from '@app/domain';
import type { AgendaItemDto, ItemNoteDto } from '../agenda/agenda-item.dto.js';
import { type AttachmentContent, AttachmentService } from '../attachments/attachment.service.js';
import type { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import type { PublicAgendaItemDto, PublicCommitteeDto, PublicItemNoteDto, PublicMeetingDto, PublicMeetingsQueryDto, PublicMeetingSummaryDto } from './public-meeting.dto.js';

function publicSummary(meeting: MeetingSummaryDto): PublicMeetingSummaryDto {
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

/**
 * What anyone may read without logging in: sent agendas, with every closed item reduced by the domain's one
 * redaction function, and the Bilag of open items on them. Whatever is not public answers 404, exactly as if it
 * did not exist, so the public cannot even learn that a closed item has attachments.
 */
@Injectable()
export class PublicMeetingService {
  constructor(
    private readonly views: MeetingViewRepository,
    private readonly attachments: AttachmentService,
  ) {}

  async list(query: PublicMeetingsQueryDto): Promise<Page<PublicMeetingSummaryDto>> {
    const page = pageRequest(query, { committeeId: query.committeeId, from: query.from, to: query.to });
    const { committeeId, from, to } = page.filters;
    if (from && to && from > to) throw DomainError.invalid('date_range_reversed', `The range ends (to ${to}) before it begins (from ${from})`);
    const meetings = await this.views.page({ committeeId, states: PUBLIC_MEETING_STATES, fromDay: from, toDay: to }, page);
    return pageOfPositioned(meetings, page.limit, page.filters, publicSummary);
  }

  async committees(query: PageQueryDto): Promise<Page<PublicCommitteeDto>> {
    const page = pageRequest(query, {});
    return pageOfPositioned(await this.views.committeesWithMeetings(PUBLIC_MEETING_STATES, page), page.limit, page.filters);
  }

  async agenda(id: string): Promise<PublicMeetingDto> {
    const meeting = await this.views.summary(id);
    if (!meeting || !MEETING_PUBLIC.has(meeting.state)) throw DomainError.notFound('meeting', id);
    const stored = await this.views.items(id);
    return { ...publicSummary(meeting), items: redactItemsForPublic(stored).map((item, index) => publicItem(item, stored[index])) };
  }

  async attachmentContent(id: string): Promise<AttachmentContent> {
    const attachment = await this.attachments.located(id);
    if (!attachment || attachment.itemClosed || !MEETING_PUBLIC.has(attachment.meetingState)) throw DomainError.notFound('attachment', id);
    return this.attachments.open(attachment);
  }
}
