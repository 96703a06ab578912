import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { type Actor, type Page, pageOf, pageOfPositioned, type PageQueryDto, pageRequest } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { CommitteeRepository, ReferralSourceRepository } from '@app/committees';
import { DomainError, MEETING_UPCOMING } from '@app/domain';
import type { MeetingSummaryDto } from '../meeting/meeting.dto.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { MeetingViewRepository } from '../meeting/meeting-view.repository.js';
import { AgendaItemReferralDto } from './agenda-item-referral.dto.js';
import type { AgendaItemReferral } from './agenda-item-referral.entity.js';
import { AgendaItemReferralRepository, type ReferralSettlement } from './agenda-item-referral.repository.js';
import { AgendaItemRepository } from './agenda-item.repository.js';
import { AgendaItemService } from './agenda-item.service.js';
import { ReferralProposals } from './referral-proposals.js';

/**
 * Referred cases (oversendte sager) between committees: the receiving committee's secretary sees what is proposed
 * to a meeting and accepts it onto the agenda or declines it with a reason; the referring committee follows its
 * case's referrals and, after a decline, proposes it elsewhere.
 */
@Injectable()
export class AgendaItemReferralService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly referrals: AgendaItemReferralRepository,
    private readonly items: AgendaItemRepository,
    private readonly proposals: ReferralProposals,
    private readonly agenda: AgendaItemService,
    private readonly meetings: MeetingService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly committees: CommitteeRepository,
    private readonly sources: ReferralSourceRepository,
    private readonly meetingViews: MeetingViewRepository,
  ) {}

  /**
   * The meetings the item's case may be referred to, for its committee's secretary: the planned and published
   * meetings of the committees up its committee's reportsToId line and of those receiving its committee's cases.
   */
  async referralTargets(actor: Actor, itemId: string, query: PageQueryDto): Promise<Page<MeetingSummaryDto>> {
    const { meeting } = await this.agenda.itemWithMeeting(itemId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    const page = pageRequest(query, { itemId });
    const committeeIds = [...new Set([...(await this.committees.chainFrom(this.unitOfWork.outside, 'reportsToId', meeting.committeeId)), ...(await this.sources.receiversOf(meeting.committeeId))])].filter(
      (id) => id !== meeting.committeeId,
    );
    if (committeeIds.length === 0) return { items: [], nextCursor: null };
    return pageOfPositioned(await this.meetingViews.page({ committeeIds, states: [...MEETING_UPCOMING] }, page), page.limit, page.filters);
  }

  /** What has been referred to the meeting, for its committee's secretary. */
  async toMeeting(actor: Actor, meetingId: string, query: PageQueryDto): Promise<Page<AgendaItemReferralDto>> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    const page = pageRequest(query, { meetingId });
    return pageOf(await this.referrals.page({ toMeetingId: meetingId }, page), page.limit, (row) => row.position, page.filters, (row) => AgendaItemReferralDto.from(row.entity));
  }

  /** Where the item's case has been referred and what became of it, for the referring committee's readers. */
  async ofItem(actor: Actor, itemId: string, query: PageQueryDto): Promise<Page<AgendaItemReferralDto>> {
    const { meeting } = await this.agenda.itemWithMeeting(itemId);
    this.access.assertCommitteeReader(actor, meeting.committeeId);
    const page = pageRequest(query, { itemId });
    return pageOf(await this.referrals.page({ itemId }, page), page.limit, (row) => row.position, page.filters, (row) => AgendaItemReferralDto.from(row.entity));
  }

  /** Proposes a referred item's case again, to another meeting (after a decline). */
  async propose(actor: Actor, itemId: string, toMeetingId: string): Promise<AgendaItemReferralDto> {
    const id = await this.unitOfWork.run(async (tx) => {
      const { meeting } = await this.agenda.itemWithMeeting(itemId);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      const item = await this.items.findOrFail(itemId, tx);
      if (item.state !== 'referred') {
        throw DomainError.conflict('referral_not_referred', `The item is ${item.state}; a case is proposed to another committee by firing refer on it once the meeting is held`);
      }
      return this.proposals.propose(tx, item, toMeetingId, actor.personId);
    });
    return AgendaItemReferralDto.from((await this.referrals.findFull(id))!);
  }

  /** Puts the referred case on the meeting's agenda, numbered last; on a published agenda the members are told. */
  async accept(actor: Actor, meetingId: string, referralId: string): Promise<AgendaItemReferralDto> {
    await this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetings.lockedMeeting(tx, meetingId);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      const referral = await this.proposalOf(meetingId, referralId, tx);
      if (!MEETING_UPCOMING.has(meeting.state)) {
        throw DomainError.conflict('agenda_closed', `The meeting is ${meeting.state}; its agenda can no longer change. Decline the referral instead`);
      }
      const acceptedItemId = await this.agenda.addReferredItem(tx, meeting, referral.item!);
      await this.settle(tx, referral, { state: 'accepted', decidedBy: actor.personId, acceptedItemId });
      await this.audit.record(tx, { action: 'agenda-item.referral-accepted', entityType: 'agenda-item', entityId: referral.itemId, details: { referralId, acceptedItemId } });
    });
    return AgendaItemReferralDto.from((await this.referrals.findFull(referralId))!);
  }

  async decline(actor: Actor, meetingId: string, referralId: string, reason: string): Promise<AgendaItemReferralDto> {
    await this.unitOfWork.run(async (tx) => {
      const meeting = await this.meetings.meetingOrNotFound(meetingId, tx);
      this.access.assertCommitteeSecretary(actor, meeting.committeeId);
      const referral = await this.proposalOf(meetingId, referralId, tx);
      await this.settle(tx, referral, { state: 'declined', decidedBy: actor.personId, declineReason: reason.trim() });
      await this.audit.record(tx, { action: 'agenda-item.referral-declined', entityType: 'agenda-item', entityId: referral.itemId, details: { referralId, reason: reason.trim() } });
    });
    return AgendaItemReferralDto.from((await this.referrals.findFull(referralId))!);
  }

  private async proposalOf(meetingId: string, referralId: string, tx: Transaction): Promise<AgendaItemReferral> {
    const referral = await this.referrals.findFull(referralId, tx);
    if (!referral || referral.toMeetingId !== meetingId) throw DomainError.notFound('referral', referralId);
    if (referral.state !== 'proposed') throw DomainError.conflict('referral_decided', `The referral is ${referral.state} already`);
    return referral;
  }

  /** Compare-and-set on `proposed`, so of two secretaries deciding at once one wins and the other gets 409. */
  private async settle(tx: Transaction, referral: AgendaItemReferral, values: ReferralSettlement): Promise<void> {
    if (!(await this.referrals.settle(tx, referral.id, values))) throw DomainError.conflict('referral_decided', 'The referral was accepted or declined meanwhile');
  }
}
