import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MembershipRole } from '@app/domain';
import { Person } from '@app/people';
import { Committee } from './committee.entity.js';

/**
 * A person's seat in a committee for a period. The database also refuses overlapping periods
 * for the same person and role (exclusion constraint membership_no_overlap), so concurrent requests cannot race past the check.
 */
@Entity('membership')
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Committee;

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'text' })
  role: MembershipRole;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the seat last changed (its end set): open data's `modified`. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
