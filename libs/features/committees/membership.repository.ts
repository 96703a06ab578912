import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { Membership } from './membership.entity.js';
import type { SeatPeriod } from './seat.repository.js';

export type MembershipValues = Pick<Membership, 'committeeId' | 'personId' | 'role' | 'startDate' | 'endDate'>;

/** The membership table as committees keeps it: seats given and taken away. Other features ask SeatRepository. */
@Injectable()
export class MembershipRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Every seat of the committee, each period: what a new seat or a changed committee is checked against. */
  ofCommittee(committeeId: string, tx: Transaction = this.unitOfWork.outside): Promise<Membership[]> {
    return tx.findBy(Membership, { committeeId });
  }

  find(tx: Transaction, committeeId: string, id: string): Promise<Membership | null> {
    return tx.findOneBy(Membership, { id, committeeId });
  }

  async findWithPersonOrFail(tx: Transaction, committeeId: string, id: string): Promise<SeatPeriod> {
    const membership = await tx.findOneOrFail(Membership, { where: { id, committeeId }, relations: { person: true } });
    return membership as SeatPeriod;
  }

  async insert(tx: Transaction, values: MembershipValues): Promise<string> {
    const { identifiers } = await tx.insert(Membership, values);
    return identifiers[0].id as string;
  }

  async setEndDate(tx: Transaction, id: string, endDate: string): Promise<void> {
    await tx.update(Membership, id, { endDate });
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.delete(Membership, id);
  }
}
