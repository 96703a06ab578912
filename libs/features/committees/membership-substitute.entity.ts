import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Person } from '@app/people';
import { Membership } from './membership.entity.js';

/**
 * A substitute (stedfortræder, Kommunestyrelsesloven §§ 15 and 28) of one seat, in the seat's list order: when the
 * seat-holder sends afbud, the first of the list who is free is called in.
 */
@Entity('membership_substitute')
@Unique('membership_substitute_unique', ['membershipId', 'personId'])
export class MembershipSubstitute {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_membership_substitute' })
  id: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @ManyToOne(() => Membership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id', foreignKeyConstraintName: 'FK_membership_substitute_membership' })
  membership?: Membership;

  @Index('IDX_membership_substitute_person')
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_membership_substitute_person' })
  person?: Person;

  /** 1 for the first called in, then 2, ... */
  @Column({ type: 'integer' })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
