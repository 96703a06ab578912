import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Person } from '@app/people';
import { AgendaItem } from '../agenda/agenda-item.entity.js';

export const ITEM_NOTE_KINDS = ['dissent', 'disqualification'] as const;
/** dissent: afvigende mening (Kommunestyrelsesloven § 13); disqualification: inhabilitet (§ 14), the member left the room. */
export type ItemNoteKind = (typeof ITEM_NOTE_KINDS)[number];

@Entity('item_note')
@Unique('item_note_unique', ['itemId', 'personId', 'kind'])
export class ItemNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_item_note_item')
  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_item_note_item' })
  item?: AgendaItem;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_item_note_person' })
  person?: Person;

  @Column({ type: 'text' })
  kind: ItemNoteKind;

  /** The dissent's wording, or why the member was disqualified. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
