import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CommissionState } from '@app/domain';
import { Committee } from '@app/committees';
import { AgendaItem } from '@app/meetings';

/**
 * One version of a committee's kommissorium (terms of reference). Versions of one committee form a line:
 * an amendment is a new row pointing at the version it amends; every version is kept. Who submitted, returned
 * and approved a version is read from its workflow history, not stored twice.
 */
@Entity('commission')
@Index('commission_committee_version_unique', ['committeeId', 'version'], { unique: true })
@Index('commission_one_open', ['committeeId'], { unique: true, where: `"state" IN ('draft', 'submitted', 'awaiting-council')` })
@Check('commission_state_known', `"state" IN ('draft', 'submitted', 'approved', 'awaiting-council', 'adopted', 'superseded')`)
export class Commission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'FK_commission_committee' })
  committee?: Committee;

  /** 1 for the first kommissorium, raised by each amendment. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  state: CommissionState;

  /** Raised by every transition and edit; compare-and-set guards against concurrent clicks. */
  @Column({ name: 'row_version', type: 'int', default: 1 })
  rowVersion: number;

  @Column({ type: 'text' })
  title: string;

  /** Formål */
  @Column({ type: 'text' })
  purpose: string;

  /** Baggrund */
  @Column({ type: 'text', nullable: true })
  background: string | null;

  /** Temaer */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  /** Sammensætning */
  @Column({ type: 'text', nullable: true })
  composition: string | null;

  /** Leverancer */
  @Column({ type: 'text', nullable: true })
  deliverables: string | null;

  /** When the directors are asked to have decided; the reminder issue reminds them. */
  @Column({ name: 'approval_deadline', type: 'date', nullable: true })
  approvalDeadline: string | null;

  @Column({ name: 'previous_version_id', type: 'uuid', nullable: true })
  previousVersionId: string | null;

  @ManyToOne(() => Commission, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'previous_version_id', foreignKeyConstraintName: 'FK_commission_previous_version' })
  previousVersion?: Commission;

  /** The council, or the finance committee on the reporting line, whose meeting decides the kommissorium; set when a director approves it for the council. */
  @Column({ name: 'council_committee_id', type: 'uuid', nullable: true })
  councilCommitteeId: string | null;

  @ManyToOne(() => Committee, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'council_committee_id', foreignKeyConstraintName: 'FK_commission_council_committee' })
  councilCommittee?: Committee;

  /** The item on that committee's meeting whose decision adopts the kommissorium or sends it back; null while no meeting is planned. */
  @Column({ name: 'council_item_id', type: 'uuid', nullable: true })
  councilItemId: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'council_item_id', foreignKeyConstraintName: 'FK_commission_council_item' })
  councilItem?: AgendaItem;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
