import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CommitteeRepository, ReferralSourceRepository } from '@app/committees';
import type { Transaction } from '@app/database';
import { assertReferralRoute, DomainError, MEETING_UPCOMING } from '@app/domain';
import { MeetingRepository } from '../meeting/meeting.repository.js';
import type { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemReferralRepository } from './agenda-item-referral.repository.js';

/**
 * Proposes a case to the next committee's meeting, where the case may go: the proposal is a row of its own, not an
 * item on that agenda, so nothing about it reaches the receiving committee's agenda, members or public pages until
 * its secretary accepts it.
 */
@Injectable()
export class ReferralProposals {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly committees: CommitteeRepository,
    private readonly sources: ReferralSourceRepository,
    private readonly referrals: AgendaItemReferralRepository,
    private readonly audit: AuditService,
  ) {}

  async propose(tx: Transaction, item: AgendaItem, toMeetingId: unknown, proposedBy: string | null): Promise<string> {
    if (typeof toMeetingId !== 'string') {
      throw DomainError.invalid('refer_needs_meeting', 'refer needs referToMeetingId: the meeting of the next committee the case goes on to');
    }
    const from = await this.meetings.findOrFail(item.meetingId, tx);
    const target = await this.meetings.find(toMeetingId, tx);
    if (!target) throw DomainError.notFound('meeting', toMeetingId);
    assertReferralRoute({
      fromCommitteeId: from.committeeId,
      toCommitteeId: target.committeeId,
      reportsToChain: await this.committees.chainFrom(tx, 'reportsToId', from.committeeId),
      receiverAcceptsSender: await this.sources.receivesFrom(tx, target.committeeId, from.committeeId),
    });
    if (!MEETING_UPCOMING.has(target.state)) {
      throw DomainError.conflict('agenda_closed', `The meeting the case is referred to is ${target.state}; choose a planned or published meeting`);
    }
    if (await this.referrals.liveOf(tx, item.id)) {
      throw DomainError.conflict('referral_pending', 'The case is proposed to, or on the agenda of, another meeting already');
    }
    const id = await this.referrals.insert(tx, { itemId: item.id, toMeetingId: target.id, state: 'proposed', proposedBy });
    await this.audit.record(tx, { action: 'agenda-item.referral-proposed', entityType: 'agenda-item', entityId: item.id, details: { referralId: id, toMeetingId: target.id } });
    return id;
  }
}
