import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CommitteeKind, MinutesSigners } from '@app/domain';
import { Body } from './body.entity.js';

@Entity('committee')
export class Committee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'body_id', type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => Body, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id' })
  body?: Body;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: CommitteeKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Committee;

  @Column({ name: 'reports_to_id', type: 'uuid', nullable: true })
  reportsToId: string | null;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reports_to_id' })
  reportsTo?: Committee;

  @Column({ name: 'mandate_start', type: 'date' })
  mandateStart: string;

  @Column({ name: 'mandate_end', type: 'date', nullable: true })
  mandateEnd: string | null;

  /** Hverdage before a meeting by which members must have the agenda (Kommunestyrelsesloven § 8, stk. 4 sets 4 for the council). */
  @Column({ name: 'agenda_notice_working_days', type: 'int', default: 4 })
  agendaNoticeWorkingDays: number;

  /** Hverdage before a meeting by which members must have its material (items and Bilag); later material is Eftersendt. */
  @Column({ name: 'material_notice_working_days', type: 'int', default: 3 })
  materialNoticeWorkingDays: number;

  /** Who signs the minutes: every member who took part (Kommunestyrelsesloven § 13), or only the chair and secretary. */
  @Column({ name: 'minutes_signed_by', type: 'text', default: 'participants' })
  minutesSignedBy: MinutesSigners;

  /** The committee's kommissorium takes effect when the council adopts it, not on a director's approval (true for § 17, stk. 4 committees unless set otherwise). */
  @Column({ name: 'commission_needs_council', type: 'boolean', default: false })
  commissionNeedsCouncil: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
