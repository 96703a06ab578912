import { Check, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Committee } from './committee.entity.js';

/**
 * A committee's consent to receive referred cases from another committee that it is not above on the reporting
 * line (e.g. a standing committee that takes cases from a § 17, stk. 4 committee reporting elsewhere).
 */
@Entity('committee_referral_source')
@Check('committee_referral_source_not_itself', `"committee_id" <> "source_committee_id"`)
export class ReferralSource {
  /** The receiving committee. */
  @PrimaryColumn({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'FK_committee_referral_source_committee' })
  committee?: Committee;

  /** The committee whose cases it receives. */
  @PrimaryColumn({ name: 'source_committee_id', type: 'uuid' })
  sourceCommitteeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_committee_id', foreignKeyConstraintName: 'FK_committee_referral_source_source' })
  sourceCommittee?: Committee;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
