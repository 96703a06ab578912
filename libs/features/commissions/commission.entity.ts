import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CommissionState } from '@app/domain';
import { Committee } from '@app/committees';

/**
 * One version of a committee's kommissorium (terms of reference). Versions of one committee form a line:
 * an amendment is a new row pointing at the version it amends; every version is kept. Who submitted, returned
 * and approved a version is read from its workflow history, not stored twice.
 */
@Entity('commission')
@Index('commission_committee_version_unique', ['committeeId', 'version'], { unique: true })
@Index('commission_one_open', ['committeeId'], { unique: true, where: `"state" IN ('draft', 'submitted')` })
@Check('commission_state_known', `"state" IN ('draft', 'submitted', 'approved', 'superseded')`)
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

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
