import { Injectable } from '@nestjs/common';
import type { ListOrder, PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { AgendaItemReferral } from './agenda-item-referral.entity.js';

/** What deciding on a proposal records. */
export type ReferralSettlement = Pick<AgendaItemReferral, 'state' | 'decidedBy'> & Partial<Pick<AgendaItemReferral, 'declineReason' | 'acceptedItemId'>>;

const REFERRAL_ORDER: ListOrder = { keys: [['r.proposed_at', 'timestamptz'], ['r.id', 'uuid']] };

const WITH_ITEM_AND_MEETINGS = { item: { meeting: { committee: true } }, toMeeting: true } as const;

/** The agenda_item_referral table: cases proposed to another committee's meeting, and what became of them. */
@Injectable()
export class AgendaItemReferralRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** With the referring item, its committee and both meetings loaded. */
  findFull(id: string, tx: Transaction = this.unitOfWork.outside): Promise<AgendaItemReferral | null> {
    return tx.findOne(AgendaItemReferral, { where: { id }, relations: WITH_ITEM_AND_MEETINGS });
  }

  /** A page of the proposals and decisions for the meeting, oldest first; `toMeetingId` or `itemId` says which. */
  page(where: { toMeetingId: string } | { itemId: string }, page: { after: PagePosition | null; limit: number }): Promise<{ entity: AgendaItemReferral; position: PagePosition }[]> {
    const query = this.unitOfWork.outside
      .createQueryBuilder(AgendaItemReferral, 'r')
      .innerJoinAndSelect('r.item', 'item')
      .innerJoinAndSelect('item.meeting', 'item_meeting')
      .innerJoinAndSelect('item_meeting.committee', 'from_committee')
      .innerJoinAndSelect('r.toMeeting', 'to_meeting');
    if ('toMeetingId' in where) query.where('r.to_meeting_id = :meetingId', { meetingId: where.toMeetingId });
    else query.where('r.item_id = :itemId', { itemId: where.itemId });
    return readKeysetPage(query, REFERRAL_ORDER, page);
  }

  /** The item's proposed or accepted referral, if any. */
  liveOf(tx: Transaction, itemId: string): Promise<AgendaItemReferral | null> {
    return tx.createQueryBuilder(AgendaItemReferral, 'r').where('r.item_id = :itemId', { itemId }).andWhere(`r.state IN ('proposed', 'accepted')`).getOne();
  }

  async insert(tx: Transaction, values: Partial<AgendaItemReferral>): Promise<string> {
    const { identifiers } = await tx.insert(AgendaItemReferral, values);
    return identifiers[0].id as string;
  }

  /** Settles a proposal; false when it was no longer proposed (another request settled it first). */
  async settle(tx: Transaction, id: string, values: ReferralSettlement): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(AgendaItemReferral)
      .set({ ...values, decidedAt: () => 'now()' })
      .where(`id = :id AND state = 'proposed'`, { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
