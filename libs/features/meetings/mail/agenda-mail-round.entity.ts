import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Meeting } from '../meeting/meeting.entity.js';

/**
 * A round of a meeting's e-mails as rendered once, in the transaction that writes the round's jobs: the e-mail of one
 * kind at one calendar SEQUENCE, cut where each member's name goes, and the invitation it carries. Each member's job
 * reads it with its outbox row; a round the meeting has left (its SEQUENCE rose) is removed by the next.
 */
@Entity('agenda_mail_round')
export class AgendaMailRound {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid', primaryKeyConstraintName: 'PK_agenda_mail_round' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_agenda_mail_round_meeting' })
  meeting?: Meeting;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_agenda_mail_round' })
  kind: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'PK_agenda_mail_round' })
  sequence: number;

  @Column({ type: 'text' })
  subject: string;

  /** The plain-text part, cut where the member's name goes. */
  @Column({ name: 'text_parts', type: 'text', array: true })
  textParts: string[];

  /** The HTML part, cut where the member's (escaped) name goes. */
  @Column({ name: 'html_parts', type: 'text', array: true })
  htmlParts: string[];

  @Column({ name: 'calendar_method', type: 'text' })
  calendarMethod: 'REQUEST' | 'CANCEL';

  /** The iCalendar invitation (or cancellation) every member of the round gets. */
  @Column({ type: 'text' })
  calendar: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
