import { Check, Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { MinutesState } from '@app/domain';
import { Meeting } from '@app/meetings';

/** Where the assembly job stands: queued or running, done, or given up after its retries. */
export const MINUTES_ASSEMBLY_STATES = ['pending', 'ready', 'failed'] as const;
export type MinutesAssemblyState = (typeof MINUTES_ASSEMBLY_STATES)[number];

/**
 * The minutes (referat) of one meeting: its workflow state, where the assembly job stands, and the seal.
 * The rendered documents are rows of minutes_file; who signs, minutes_signature; later additions, minutes_addendum.
 */
@Entity('minutes')
@Unique('UQ_minutes_meeting', ['meetingId'])
@Check('minutes_state_known', `"state" IN ('draft', 'approved', 'signed', 'published')`)
@Check('minutes_assembly_known', `"assembly" IN ('pending', 'ready', 'failed')`)
@Check('minutes_progress_percent', `"progress" BETWEEN 0 AND 100`)
@Check('minutes_sealed_only_when_signed', `"sealed_hash" IS NULL OR "state" IN ('signed', 'published')`)
export class Minutes {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @OneToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_minutes_meeting' })
  meeting?: Meeting;

  @Column({ type: 'text' })
  state: MinutesState;

  /** Raised by every transition; compare-and-set guards against concurrent clicks. */
  @Column({ name: 'row_version', type: 'int', default: 1 })
  rowVersion: number;

  @Column({ type: 'text' })
  assembly: MinutesAssemblyState;

  /** Raised by every assembly request; a job for an older request finds it changed and does nothing. */
  @Column({ name: 'assembly_generation', type: 'int', default: 1 })
  assemblyGeneration: number;

  /** 0-100, written by the job as it goes, so GET reads it from PostgreSQL rather than from Redis. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ name: 'assembly_error', type: 'text', nullable: true })
  assemblyError: string | null;

  /** sha256 of the members' PDF when the last signature was given; that document never changes again. */
  @Column({ name: 'sealed_hash', type: 'text', nullable: true })
  sealedHash: string | null;

  @Column({ name: 'sealed_at', type: 'timestamptz', nullable: true })
  sealedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
