import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity.js';

/** A Bilag. The bytes live in the file store under their sha256, so the API and the worker reach the same file. */
@Entity('item_attachment')
export class ItemAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_item_attachment_item')
  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_item_attachment_item' })
  item?: AgendaItem;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  /** The checksum open data publishes (OParl's sha512Checksum); null for bytes stored before it was kept whose file was gone when it was filled in. */
  @Column({ type: 'text', nullable: true })
  sha512: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  /** Uploaded to an item of a published agenda after the material's notice deadline: shown "Eftersendt". */
  @Column({ name: 'sent_late_at', type: 'timestamptz', nullable: true })
  sentLateAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
