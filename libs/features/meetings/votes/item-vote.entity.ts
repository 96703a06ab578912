import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { VoteChoice } from '@app/domain';
import { Person } from '@app/people';
import { AgendaItem } from '../agenda/agenda-item.entity.js';

/** How one member voted on an item (afstemning): for, against or abstained. An item's votes are replaced as a whole. */
@Entity('item_vote')
@Check('item_vote_choice_known', `"vote" IN ('for', 'against', 'abstain')`)
export class ItemVote {
  @PrimaryColumn({ name: 'item_id', type: 'uuid', primaryKeyConstraintName: 'PK_item_vote' })
  itemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_item_vote_item' })
  item?: AgendaItem;

  @PrimaryColumn({ name: 'person_id', type: 'uuid', primaryKeyConstraintName: 'PK_item_vote' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_item_vote_person' })
  person?: Person;

  @Column({ type: 'text' })
  vote: VoteChoice;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
