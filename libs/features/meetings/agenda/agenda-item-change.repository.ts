import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { AgendaItemChange } from './agenda-item-change.entity.js';

/** The agenda_item_change table: what changed on an item after its agenda was published. */
@Injectable()
export class AgendaItemChangeRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async record(tx: Transaction, change: Pick<AgendaItemChange, 'itemId' | 'changedFields' | 'previous' | 'actorId'>): Promise<void> {
    await tx.insert(AgendaItemChange, change);
  }

  ofItem(itemId: string): Promise<AgendaItemChange[]> {
    return this.unitOfWork.outside.find(AgendaItemChange, { where: { itemId }, order: { at: 'ASC' } });
  }
}
