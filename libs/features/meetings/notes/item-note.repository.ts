import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { PersonSql } from '@app/people';
import type { RecordedItemNoteDto } from './item-note.dto.js';
import { ItemNote, type ItemNoteKind } from './item-note.entity.js';

/** The item_note table: dissents (§ 13) and disqualifications (§ 14) recorded on agenda items. */
@Injectable()
export class ItemNoteRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  exists(tx: Transaction, note: { itemId: string; personId: string; kind: ItemNoteKind }): Promise<boolean> {
    return tx.existsBy(ItemNote, note);
  }

  /** The note on that item, or null when the item has no note with the id. */
  findOnItem(tx: Transaction, id: string, itemId: string): Promise<ItemNote | null> {
    return tx.findOneBy(ItemNote, { id, itemId });
  }

  async insert(tx: Transaction, values: Pick<ItemNote, 'itemId' | 'personId' | 'kind' | 'text' | 'recordedBy'>): Promise<string> {
    const { identifiers } = await tx.insert(ItemNote, values);
    return identifiers[0].id as string;
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.delete(ItemNote, { id });
  }

  /** The note as recorded, with the name of the member it concerns. */
  async recorded(id: string): Promise<RecordedItemNoteDto> {
    const [note] = await this.unitOfWork.outside.query(
      `SELECT n.id, n.item_id AS "itemId", n.person_id AS "personId", p.name AS "personName", n.kind, n.text, n.created_at AS "createdAt"
         FROM item_note n ${PersonSql.join('p', 'n.person_id')} WHERE n.id = $1`,
      [id],
    );
    return note;
  }
}
