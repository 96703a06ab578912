import { Injectable } from '@nestjs/common';
import { type Page, pageOfPositioned, type PageQueryDto, pageRequest } from '@app/core';
import { DomainError } from '@app/domain';
import { PublicMeetingRule } from './public-meeting-rule.js';
import { type AttachmentContent, AttachmentService } from '../attachments/attachment.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import type { PublicCommitteeDto, PublicMeetingDto, PublicMeetingsQueryDto, PublicMeetingSummaryDto } from './public-meeting.dto.js';
import { publicAgenda, publicSummary } from './public-agenda.js';

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
    private readonly rule: PublicMeetingRule,
  ) {}

  async list(query: PublicMeetingsQueryDto): Promise<Page<PublicMeetingSummaryDto>> {
    const page = pageRequest(query, { committeeId: query.committeeId, from: query.from, to: query.to });
    const { committeeId, from, to } = page.filters;
    if (from && to && from > to) throw DomainError.invalid('date_range_reversed', `The range ends (to ${to}) before it begins (from ${from})`);
    const meetings = await this.views.page({ committeeId, publicOnly: true, fromDay: from, toDay: to }, page);
    return pageOfPositioned(meetings, page.limit, page.filters, publicSummary);
  }

  async committees(query: PageQueryDto): Promise<Page<PublicCommitteeDto>> {
    const page = pageRequest(query, {});
    return pageOfPositioned(await this.views.committeesWithPublicMeetings(page), page.limit, page.filters);
  }

  async agenda(id: string): Promise<PublicMeetingDto> {
    const meeting = await this.views.summary(id);
    if (!meeting || !this.rule.holds(meeting)) throw DomainError.notFound('meeting', id);
    return publicAgenda(meeting, await this.views.items(id));
  }

  async attachmentContent(id: string): Promise<AttachmentContent> {
    const attachment = await this.attachments.located(id);
    if (!attachment || attachment.itemClosed || !this.rule.holds({ state: attachment.meetingState, startsAt: attachment.meetingStartsAt })) throw DomainError.notFound('attachment', id);
    return this.attachments.open(attachment);
  }
}
