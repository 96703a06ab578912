import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PhaseState } from '@app/domain';
import { Committee } from '@app/committees';

/**
 * A phase of a committee's process plan (faseopdelt procesplan), laid on whole calendar quarters. The dates are
 * kept beside the quarters so the database itself can refuse overlaps (phase_no_overlap) and a second active
 * phase (phase_one_active), however many requests race.
 */
@Entity('phase')
@Index('IDX_phase_committee', ['committeeId', 'startDate'])
@Index('phase_one_active', ['committeeId'], { unique: true, where: `"state" = 'active'` })
@Exclusion('phase_no_overlap', `USING gist ("committee_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("state" <> 'cancelled')`)
@Check('phase_state_known', `"state" IN ('planned', 'active', 'completed', 'cancelled')`)
@Check('phase_dates_ordered', `"start_date" <= "end_date"`)
@Check('phase_quarters_well_formed', `"from_quarter" ~ '^[0-9]{4}-Q[1-4]$' AND "to_quarter" ~ '^[0-9]{4}-Q[1-4]$'`)
export class Phase {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_phase' })
  id: string;

  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'FK_phase_committee' })
  committee?: Committee;

  @Column({ type: 'text' })
  title: string;

  /** The theme the phase works with, e.g. one of the council's strategic aims (sigtepunkter). */
  @Column({ type: 'text', nullable: true })
  theme: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'from_quarter', type: 'text' })
  fromQuarter: string;

  @Column({ name: 'to_quarter', type: 'text' })
  toQuarter: string;

  /** The first day of fromQuarter. */
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** The last day of toQuarter. */
  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'text' })
  state: PhaseState;

  /** Raised by every transition and edit; compare-and-set guards against concurrent clicks. */
  @Column({ name: 'row_version', type: 'int', default: 1 })
  rowVersion: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
