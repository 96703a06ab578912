import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItem } from '@app/meetings';
import { Minutes } from './minutes.entity.js';

/**
 * A later addition (tilføjelse) to sealed minutes. Its hash covers the previous link of the chain (the seal or the
 * addendum before it), its date and its text, so neither the document nor an earlier addition can change unseen.
 */
@Entity('minutes_addendum')
@Index('minutes_addendum_chain_unique', ['minutesId', 'previousHash'], { unique: true })
export class MinutesAddendum {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'minutes_id', type: 'uuid' })
  minutesId: string;

  @ManyToOne(() => Minutes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'minutes_id', foreignKeyConstraintName: 'FK_minutes_addendum_minutes' })
  minutes?: Minutes;

  @Column({ type: 'text' })
  text: string;

  /**
   * The item the addition concerns, or null for the whole referat. One on a closed item is for the members only;
   * one on an open item or the whole referat is shown in the public version too.
   */
  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_minutes_addendum_item' })
  item?: AgendaItem;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** Set by the application, not the database: the hash covers it. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'text' })
  sha256: string;

  /** The sealed hash for the first addition, else the sha256 of the addition before. */
  @Column({ name: 'previous_hash', type: 'text' })
  previousHash: string;
}
