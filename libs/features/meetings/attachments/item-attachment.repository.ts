import { Injectable } from '@nestjs/common';
import type { MeetingState } from '@app/domain';
import type { ListOrder, PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { ItemAttachment } from './item-attachment.entity.js';

const ATTACHMENT_ORDER: ListOrder = { keys: [['a.created_at', 'timestamptz'], ['a.id', 'uuid']] };

/** An attachment with where it sits: whether its item is closed, and its meeting's state and committee. */
export interface LocatedAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  itemClosed: boolean;
  meetingState: MeetingState;
  meetingStartsAt: Date;
  meetingId: string;
  committeeId: string;
}

/** The item_attachment table: the Bilag on agenda items, each a row over a file stored once per content. */
@Injectable()
export class ItemAttachmentRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(id: string): Promise<ItemAttachment | null> {
    return this.unitOfWork.outside.findOneBy(ItemAttachment, { id });
  }

  findOrFail(id: string): Promise<ItemAttachment> {
    return this.unitOfWork.outside.findOneByOrFail(ItemAttachment, { id });
  }

  /** The item's attachments in the order they came. */
  /** A page of the item's attachments, in the order they were added. */
  pageOfItem(itemId: string, page: { after: PagePosition | null; limit: number }): Promise<{ entity: ItemAttachment; position: PagePosition }[]> {
    return readKeysetPage(this.unitOfWork.outside.createQueryBuilder(ItemAttachment, 'a').where('a.item_id = :itemId', { itemId }), ATTACHMENT_ORDER, page);
  }

  ofItem(itemId: string, tx: Transaction = this.unitOfWork.outside): Promise<ItemAttachment[]> {
    return tx.find(ItemAttachment, { where: { itemId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** One statement: the attachment, its item's closed flag, and its meeting's state and committee. */
  async located(id: string): Promise<LocatedAttachment | null> {
    const [row] = await this.unitOfWork.outside.query(
      `SELECT a.id, a.name, a.content_type AS "contentType", a.size, a.sha256, i.closed AS "itemClosed", m.state AS "meetingState", m.starts_at AS "meetingStartsAt",
              m.id AS "meetingId", m.committee_id AS "committeeId"
         FROM item_attachment a JOIN agenda_item i ON i.id = a.item_id JOIN meeting m ON m.id = i.meeting_id
        WHERE a.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async insert(tx: Transaction, values: Partial<ItemAttachment>): Promise<string> {
    const { identifiers } = await tx.insert(ItemAttachment, values);
    return identifiers[0].id as string;
  }

  /** Whether a row was there to delete. */
  async delete(tx: Transaction, id: string): Promise<boolean> {
    const { affected } = await tx.delete(ItemAttachment, { id });
    return Boolean(affected);
  }

  /** How many rows hold the content: the file is needed while any does. */
  countWithContent(sha256: string, tx: Transaction): Promise<number> {
    return tx.countBy(ItemAttachment, { sha256 });
  }

  anyWithContent(sha256: string, tx: Transaction): Promise<boolean> {
    return tx.existsBy(ItemAttachment, { sha256 });
  }

  /**
   * The Bilag of one item as rows of another, over the same stored files, kept by their hash until no row needs
   * them. FOR SHARE makes a removal of one of them meanwhile wait for this commit, and then find the copy still
   * needing the file.
   */
  async copyToItem(tx: Transaction, fromItemId: string, toItemId: string): Promise<void> {
    await tx.query(
      `INSERT INTO item_attachment (item_id, name, content_type, size, sha256, created_at)
       SELECT $2, name, content_type, size, sha256, created_at FROM item_attachment WHERE item_id = $1 FOR SHARE`,
      [fromItemId, toItemId],
    );
  }

  /**
   * Runs work on one connection holding a session lock on the content hash, across the work's own transaction and
   * the file operations after its commit: an upload placing a file and a delete removing the last row that needs
   * it cannot interleave.
   */
  async withContentLock<T>(sha256: string, work: (session: Transaction) => Promise<T>): Promise<T> {
    const runner = this.unitOfWork.outside.connection.createQueryRunner();
    await runner.connect();
    const key = `item-attachment:${sha256}`;
    try {
      await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      try {
        return await work(runner.manager);
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      }
    } finally {
      await runner.release();
    }
  }
}
