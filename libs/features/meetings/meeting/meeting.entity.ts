import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MeetingState } from '@app/domain';
import { Committee } from '@app/committees';

@Entity('meeting')
@Index('IDX_meeting_committee_starts', ['committeeId', 'startsAt'])
@Index('IDX_meeting_starts', ['startsAt'])
@Check('meeting_ends_after_start', `"ends_at" IS NULL OR "ends_at" > "starts_at"`)
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @ManyToOne(() => Committee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'FK_meeting_committee' })
  committee?: Committee;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  /** Mødested, e.g. "Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus". */
  @Column({ type: 'text' })
  location: string;

  @Column({ type: 'text' })
  state: MeetingState;

  @Column({ name: 'row_version', type: 'int', default: 1 })
  rowVersion: number;

  /** The calendar invitation's SEQUENCE: 0 when first sent, raised by every change members are told about. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** When the secretary closed the meeting (Afslut møde): the minutes' "Mødet hævet kl. 12.30". */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /**
   * When the meeting's minutes were published, as the minutes feature tells it: the case route and a referred item's
   * earlier decisions show a decision to the public from then on.
   */
  @Column({ name: 'minutes_published_at', type: 'timestamptz', nullable: true })
  minutesPublishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
