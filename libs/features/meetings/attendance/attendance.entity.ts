import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '@app/people';
import { Meeting } from '../meeting/meeting.entity.js';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'virtual'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Mødedeltagelse: who came, who sent notice of absence (afbud), who joined virtually and until when. */
@Entity('attendance')
// One substitute per member and meeting.
@Index('attendance_one_substitute_per_member', ['meetingId', 'substituteFor'], { unique: true, where: '"substitute_for" IS NOT NULL' })
export class Attendance {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_attendance_meeting' })
  meeting?: Meeting;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_attendance_person' })
  person?: Person;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  /** For a virtual participant who left early: local time HH:MM. */
  @Column({ type: 'text', nullable: true })
  until: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** A substitute (stedfortræder) called in: the member they stand in for. */
  @Column({ name: 'substitute_for', type: 'uuid', nullable: true })
  substituteFor: string | null;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'substitute_for', foreignKeyConstraintName: 'FK_attendance_substitute_for' })
  substituteForPerson?: Person;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
