import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Meeting } from '../meeting/meeting.entity.js';
import { AgendaItem } from './agenda-item.entity.js';

export const REFERRAL_STATES = ['proposed', 'accepted', 'declined'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/**
 * A case referred (oversendt) from one committee's item to another committee's meeting: a proposal until the
 * receiving committee's secretary accepts it, which puts a new item on that agenda, or declines it with a reason.
 * Until then the case is on no agenda of the receiving committee: no public page, no e-mail, no minutes show it.
 */
@Entity('agenda_item_referral')
@Check('agenda_item_referral_state', `"state" IN ('proposed', 'accepted', 'declined')`)
@Check('agenda_item_referral_declined_has_reason', `"state" <> 'declined' OR "decline_reason" IS NOT NULL`)
// One live referral per case: a declined one may be followed by another.
@Index('IDX_agenda_item_referral_live', ['itemId'], { unique: true, where: `"state" IN ('proposed', 'accepted')` })
export class AgendaItemReferral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The referring committee's item. */
  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_agenda_item_referral_item' })
  item?: AgendaItem;

  /** The receiving committee's meeting. */
  @Index('IDX_agenda_item_referral_to_meeting')
  @Column({ name: 'to_meeting_id', type: 'uuid' })
  toMeetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_meeting_id', foreignKeyConstraintName: 'FK_agenda_item_referral_meeting' })
  toMeeting?: Meeting;

  @Column({ type: 'text' })
  state: ReferralState;

  /** Why the receiving committee declined, for the referring secretary. */
  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  /** The item the acceptance put on the receiving agenda. */
  @Column({ name: 'accepted_item_id', type: 'uuid', nullable: true })
  acceptedItemId: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_item_id', foreignKeyConstraintName: 'FK_agenda_item_referral_accepted_item' })
  acceptedItem?: AgendaItem;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy: string | null;

  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
