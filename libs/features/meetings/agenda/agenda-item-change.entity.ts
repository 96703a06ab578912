import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A change to an item after its agenda was published: what changed from what, by whom; members are told. */
@Entity('agenda_item_change')
@Index('IDX_agenda_item_change_item', ['itemId', 'at'])
export class AgendaItemChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'changed_fields', type: 'text', array: true })
  changedFields: string[];

  /** The values before the change. */
  @Column({ type: 'jsonb' })
  previous: Record<string, any>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
