import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AgendaItemState, ClosedReason, DecisionOutcome } from '@app/domain';
import { Meeting } from '../meeting/meeting.entity.js';

/** A punkt on a meeting's agenda, in the shape of Danish agendas: Resume, Indstilling, Sagsfremstilling, Beslutning, Bilag. */
@Entity('agenda_item')
@Unique('agenda_item_number_unique', ['meetingId', 'number'], { deferrable: 'INITIALLY DEFERRED' })
@Check('agenda_item_slot_ordered', `"start_time" IS NULL OR "end_time" IS NULL OR "end_time" > "start_time"`)
@Check('agenda_item_closed_has_reason', `NOT "closed" OR "closed_reason" IS NOT NULL`)
@Check('agenda_item_closed_reason_known', `"closed_reason" IN ('personal-matter', 'real-estate', 'estimates-and-tenders', 'negotiations-with-authorities', 'other')`)
@Check('agenda_item_other_reason_has_text', `"closed_reason" <> 'other' OR "closed_reason_text" IS NOT NULL`)
@Check('agenda_item_decision_outcome_known', `"decision_outcome" IS NULL OR "decision_outcome" IN ('approved', 'not-approved')`)
@Check('agenda_item_origin_whole', `("origin_kind" IS NULL) = ("origin_id" IS NULL)`)
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_agenda_item_meeting' })
  meeting?: Meeting;

  /** Punkt N: 1, 2, 3 ... in agenda order, renumbered when items move. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  /** Sagsnummer, e.g. a KLE journal number `00.01.00-P22-1-19` or a region's `1-00-14-22`. */
  @Index('IDX_agenda_item_case_number')
  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber: string | null;

  /** Local time HH:MM in Copenhagen. */
  @Column({ name: 'start_time', type: 'text', nullable: true })
  startTime: string | null;

  @Column({ name: 'end_time', type: 'text', nullable: true })
  endTime: string | null;

  /** Lukket punkt (Kommunestyrelsesloven § 10): never published. */
  @Column({ type: 'boolean', default: false })
  closed: boolean;

  /** The ground of § 10 the item is closed on. */
  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: ClosedReason | null;

  /** The ground in words (Uddybning): required for "andet"; items closed before grounds existed keep their text here. */
  @Column({ name: 'closed_reason_text', type: 'text', nullable: true })
  closedReasonText: string | null;

  /** The title non-members, e-mails and public outputs show beside "Lukket punkt", e.g. "Personalesag". */
  @Column({ name: 'public_title', type: 'text', nullable: true })
  publicTitle: string | null;

  /** Resume */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Indstilling, e.g. "Direktionen indstiller, at udvalget drøfter ..." */
  @Column({ type: 'text', nullable: true })
  recommendation: string | null;

  /** Sagsfremstilling */
  @Column({ type: 'text', nullable: true })
  presentation: string | null;

  /** Beslutning, written at or after the meeting. */
  @Column({ type: 'text', nullable: true })
  decision: string | null;

  /** Bilag named before the files are uploaded. */
  @Column({ name: 'attachment_names', type: 'text', array: true, default: () => "'{}'" })
  attachmentNames: string[];

  @Column({ type: 'text' })
  state: AgendaItemState;

  /** Added to the published agenda after the material's notice deadline: shown "Eftersendt". */
  @Column({ name: 'sent_late_at', type: 'timestamptz', nullable: true })
  sentLateAt: Date | null;

  @Column({ name: 'row_version', type: 'int', default: 1 })
  rowVersion: number;

  /** The item on an earlier committee's meeting that sent this case here. */
  @Index('IDX_agenda_item_referred_from')
  @Column({ name: 'referred_from_item_id', type: 'uuid', nullable: true })
  referredFromItemId: string | null;

  @ManyToOne(() => AgendaItem, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'referred_from_item_id', foreignKeyConstraintName: 'FK_agenda_item_referred_from' })
  referredFrom?: AgendaItem;

  /**
   * The record that proposed the item and follows its decision, e.g. `commission` for the council's item on a
   * kommissorium; that feature's table, so no foreign key from here.
   */
  @Column({ name: 'origin_kind', type: 'text', nullable: true })
  originKind: string | null;

  @Index('IDX_agenda_item_origin')
  @Column({ name: 'origin_id', type: 'uuid', nullable: true })
  originId: string | null;

  /** How the decision on a proposed item came out (Godkendt, Ikke godkendt); only such items have one. */
  @Column({ name: 'decision_outcome', type: 'text', nullable: true })
  decisionOutcome: DecisionOutcome | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
