import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '@app/people';
import { Phase } from './phase.entity.js';

/**
 * A person invited to one phase only (an NGO or a local council in the partnership phase). The committee's
 * members take part in every phase through their membership and have no row here.
 */
@Entity('phase_participant')
@Index('phase_participant_unique', ['phaseId', 'personId'], { unique: true })
@Index('IDX_phase_participant_person', ['personId'])
export class PhaseParticipant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_phase_participant' })
  id: string;

  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId: string;

  @ManyToOne(() => Phase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'FK_phase_participant_phase' })
  phase?: Phase;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_phase_participant_person' })
  person?: Person;

  /** Why the person is invited, e.g. "Repræsentant for lokalrådene". */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
