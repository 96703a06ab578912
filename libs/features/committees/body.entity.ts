import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { type BodyKind, DEFAULT_EXTRA_CLOSED_DAYS } from '@app/domain';

/** A municipality or region (myndighed) with its council's election term. */
@Entity('body')
export class Body {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: BodyKind;

  @Column({ name: 'election_term_start', type: 'date', nullable: true })
  electionTermStart: string | null;

  @Column({ name: 'election_term_end', type: 'date', nullable: true })
  electionTermEnd: string | null;

  /**
   * Days (`MM-DD`) besides weekends and public holidays on which the administration is closed; deadlines counted
   * in working days (hverdage) skip them. Juleaftensdag, nytårsaftensdag and Grundlovsdag unless the body says otherwise.
   */
  @Column({ name: 'closed_days', type: 'text', array: true, default: () => `'{${[...DEFAULT_EXTRA_CLOSED_DAYS].sort().join(',')}}'` })
  closedDays: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
