import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import type { AgendaItemState } from '@app/domain';
import { AgendaItem } from './agenda-item.entity.js';

/** The agenda_item table: the punkter of each meeting's agenda, numbered in order. */
@Injectable()
export class AgendaItemRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(id: string, tx: Transaction = this.unitOfWork.outside): Promise<AgendaItem | null> {
    return tx.findOneBy(AgendaItem, { id });
  }

  findOrFail(id: string, tx: Transaction): Promise<AgendaItem> {
    return tx.findOneByOrFail(AgendaItem, { id });
  }

  /** The item with its meeting loaded beside it. */
  /** `lock`: the item's row is locked first, on its own, so the lock does not reach its meeting through the join. */
  async findWithMeeting(id: string, tx: Transaction, lock = false): Promise<AgendaItem | null> {
    if (lock && !(await tx.findOne(AgendaItem, { where: { id }, lock: { mode: 'pessimistic_write' } }))) return null;
    return tx.findOne(AgendaItem, { where: { id }, relations: { meeting: true } });
  }

  /** The meeting's items in agenda order. */
  ofMeeting(meetingId: string, tx: Transaction): Promise<AgendaItem[]> {
    return tx.find(AgendaItem, { where: { meetingId }, order: { number: 'ASC' } });
  }

  inState(meetingId: string, state: AgendaItemState, tx: Transaction): Promise<AgendaItem[]> {
    return tx.find(AgendaItem, { where: { meetingId, state } });
  }

  countOf(meetingId: string, tx: Transaction): Promise<number> {
    return tx.count(AgendaItem, { where: { meetingId } });
  }

  async insert(tx: Transaction, values: Partial<AgendaItem>): Promise<string> {
    const { identifiers } = await tx.insert(AgendaItem, values);
    return identifiers[0].id as string;
  }

  async update(tx: Transaction, id: string, values: Partial<AgendaItem>): Promise<void> {
    await tx.update(AgendaItem, { id }, values);
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.delete(AgendaItem, { id });
  }

  /** Numbers the meeting's items 1, 2, 3 ... in the given order, raising the row version of each that moved. */
  async renumber(tx: Transaction, meetingId: string, orderedIds: string[]): Promise<void> {
    // The (meeting, number) unique constraint is deferred, so one statement can renumber the whole agenda.
    await tx.query(
      `UPDATE agenda_item i SET number = o.n, row_version = i.row_version + CASE WHEN i.number <> o.n THEN 1 ELSE 0 END
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, n) WHERE i.id = o.id AND i.meeting_id = $1`,
      [meetingId, orderedIds],
    );
  }
}
