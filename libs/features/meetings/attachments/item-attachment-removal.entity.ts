import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity.js';

/**
 * A Bilag removed while the public could read it (an open item of a sent agenda): open data answers it as deleted
 * from then on (OParl's soft delete), so a client that copied it learns it is gone. A Bilag never public leaves no
 * trace here, so not even its existence is published.
 */
@Entity('item_attachment_removal')
export class ItemAttachmentRemoval {
  @PrimaryColumn({ name: 'attachment_id', type: 'uuid' })
  attachmentId: string;

  @Index('IDX_item_attachment_removal_item')
  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_item_attachment_removal_item' })
  item?: AgendaItem;

  /** When the Bilag was added: OParl keeps a deleted object's `created`. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'removed_at', type: 'timestamptz' })
  removedAt: Date;
}
