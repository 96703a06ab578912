import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { Meeting } from './meeting.entity.js';

/** The meeting table: a committee's meetings, their time and place, state and invitation sequence. */
@Injectable()
export class MeetingRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(id: string, tx: Transaction = this.unitOfWork.outside): Promise<Meeting | null> {
    return tx.findOneBy(Meeting, { id });
  }

  findOrFail(id: string, tx: Transaction): Promise<Meeting> {
    return tx.findOneByOrFail(Meeting, { id });
  }

  /** The meeting under its row lock for the transaction: changes to it and its agenda happen one at a time. */
  findLocked(id: string, tx: Transaction): Promise<Meeting | null> {
    return tx.findOne(Meeting, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The committee's first meeting whose agenda is not yet published (planned) starting after `after`, under its row lock. */
  nextPlannedLocked(tx: Transaction, committeeId: string, after: Date): Promise<Meeting | null> {
    return tx
      .createQueryBuilder(Meeting, 'm')
      .where('m.committee_id = :committeeId AND m.state = :state AND m.starts_at > :after', { committeeId, state: 'planned', after })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(tx: Transaction, values: Partial<Meeting>): Promise<string> {
    const { identifiers } = await tx.insert(Meeting, values);
    return identifiers[0].id as string;
  }

  async update(tx: Transaction, id: string, values: Partial<Meeting>): Promise<void> {
    await tx.update(Meeting, { id }, values);
  }
}
