import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * `retrying`: an attempt failed for a passing reason and the job tries again at `next_attempt_at`; `failed`: the
 * mail server refused it for good, or it kept failing past its retry window; only asking for it again sends it.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'retrying' | 'failed';

/**
 * One message to one recipient for one reason and version. The unique key is claimed before sending,
 * so a job that runs twice sends once.
 */
@Entity('delivery')
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `<kind>:<subject id>:<recipient>:<version>` */
  @Index('delivery_key_unique', { unique: true })
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  /** The meeting (or other subject) the delivery belongs to, so a secretary can list them. */
  @Index()
  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  /** The SEQUENCE of the calendar invitation the e-mail carries, for the e-mails of a meeting. */
  @Column({ type: 'int', nullable: true })
  sequence: number | null;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /**
   * Attempts begun while an earlier attempt's outcome was unknown (claimed, never marked sent or failed: its worker
   * died, or the database went away after the server accepted): each may have reached the server a second time.
   */
  @Column({ name: 'possible_resends', type: 'int', default: 0 })
  possibleResends: number;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  /** The worker process holding the claim (`host:pid:random`), which alone renews its lease and records its outcome. */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** The outbox row of the job that sends it, run again when someone asks for a failed delivery again. */
  @Column({ name: 'outbox_message_id', type: 'uuid', nullable: true })
  outboxMessageId: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
