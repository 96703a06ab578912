import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { MinutesAddendum } from './minutes-addendum.entity.js';

/** The minutes_addendum table: additions to sealed minutes, each chained by hash to the one before. */
@Injectable()
export class MinutesAddendumRepository {
  /** The additions in the order they were made. */
  ofMinutes(minutesId: string, tx: Transaction): Promise<MinutesAddendum[]> {
    return tx.find(MinutesAddendum, { where: { minutesId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async last(tx: Transaction, minutesId: string): Promise<MinutesAddendum | null> {
    const [last] = await tx.find(MinutesAddendum, { where: { minutesId }, order: { createdAt: 'DESC', id: 'DESC' }, take: 1 });
    return last ?? null;
  }

  async insert(tx: Transaction, values: Pick<MinutesAddendum, 'minutesId' | 'text' | 'itemId' | 'createdBy' | 'createdAt' | 'sha256' | 'previousHash'>): Promise<string> {
    const { identifiers } = await tx.insert(MinutesAddendum, values);
    return identifiers[0].id as string;
  }

  findOfMinutes(minutesId: string, id: string, tx: Transaction): Promise<MinutesAddendum | null> {
    return tx.findOneBy(MinutesAddendum, { minutesId, id });
  }
}
