import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { AgendaItemReferral } from './agenda-item-referral.entity.js';

/** What deciding on a proposal records. */
export type ReferralSettlement = Pick<AgendaItemReferral, 'state' | 'decidedBy'> & Partial<Pick<AgendaItemReferral, 'declineReason' | 'acceptedItemId'>>;

const WITH_ITEM_AND_MEETINGS = { item: { meeting: true }, toMeeting: true } as const;

/** The agenda_item_referral table: cases proposed to another committee's meeting, and what became of them. */
@Injectable()
export class AgendaItemReferralRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** With the referring item and both meetings loaded. */
  findFull(id: string, tx: Transaction = this.unitOfWork.outside): Promise<AgendaItemReferral | null> {
    return tx.findOne(AgendaItemReferral, { where: { id }, relations: WITH_ITEM_AND_MEETINGS });
  }

  /** Proposals and decisions for the meeting, oldest first. */
  toMeeting(meetingId: string): Promise<AgendaItemReferral[]> {
    return this.unitOfWork.outside.find(AgendaItemReferral, { where: { toMeetingId: meetingId }, relations: WITH_ITEM_AND_MEETINGS, order: { proposedAt: 'ASC', id: 'ASC' } });
  }

  /** Every referral of the item, oldest first. */
  ofItem(itemId: string): Promise<AgendaItemReferral[]> {
    return this.unitOfWork.outside.find(AgendaItemReferral, { where: { itemId }, relations: WITH_ITEM_AND_MEETINGS, order: { proposedAt: 'ASC', id: 'ASC' } });
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
