import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Body, Committee } from '@app/committees';
import { AgendaItem } from '@app/meetings';
import { Phase } from '@app/process-plans';

/**
 * One of a body's strategic aims (sigtepunkter), e.g. Hedensted's "Vækst i balance": the red thread (den røde
 * tråd) that committees, phases and agenda items are tagged with.
 */
@Entity('strategic_aim')
@Index('strategic_aim_title_unique', ['bodyId', 'title'], { unique: true })
@Check('strategic_aim_title_not_blank', `btrim("title") <> ''`)
export class StrategicAim {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_strategic_aim' })
  id: string;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => Body, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'FK_strategic_aim_body' })
  body?: Body;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The aim's place in the body's list, from 1. */
  @Column({ type: 'int' })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A committee serves an aim. */
@Entity('committee_aim')
@Index('IDX_committee_aim_aim', ['aimId'])
export class CommitteeAim {
  @PrimaryColumn({ name: 'committee_id', type: 'uuid', primaryKeyConstraintName: 'PK_committee_aim' })
  committeeId: string;

  @PrimaryColumn({ name: 'aim_id', type: 'uuid', primaryKeyConstraintName: 'PK_committee_aim' })
  aimId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'FK_committee_aim_committee' })
  committee?: Committee;

  @ManyToOne(() => StrategicAim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aim_id', foreignKeyConstraintName: 'FK_committee_aim_aim' })
  aim?: StrategicAim;
}

/** A phase of a process plan serves an aim. */
@Entity('phase_aim')
@Index('IDX_phase_aim_aim', ['aimId'])
export class PhaseAim {
  @PrimaryColumn({ name: 'phase_id', type: 'uuid', primaryKeyConstraintName: 'PK_phase_aim' })
  phaseId: string;

  @PrimaryColumn({ name: 'aim_id', type: 'uuid', primaryKeyConstraintName: 'PK_phase_aim' })
  aimId: string;

  @ManyToOne(() => Phase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'FK_phase_aim_phase' })
  phase?: Phase;

  @ManyToOne(() => StrategicAim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aim_id', foreignKeyConstraintName: 'FK_phase_aim_aim' })
  aim?: StrategicAim;
}

/** An agenda item serves an aim. */
@Entity('agenda_item_aim')
@Index('IDX_agenda_item_aim_aim', ['aimId'])
export class AgendaItemAim {
  @PrimaryColumn({ name: 'agenda_item_id', type: 'uuid', primaryKeyConstraintName: 'PK_agenda_item_aim' })
  agendaItemId: string;

  @PrimaryColumn({ name: 'aim_id', type: 'uuid', primaryKeyConstraintName: 'PK_agenda_item_aim' })
  aimId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'FK_agenda_item_aim_item' })
  agendaItem?: AgendaItem;

  @ManyToOne(() => StrategicAim, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'aim_id', foreignKeyConstraintName: 'FK_agenda_item_aim_aim' })
  aim?: StrategicAim;
}
