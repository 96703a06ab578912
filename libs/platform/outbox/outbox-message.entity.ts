import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A side effect that must happen because of a committed change (transactional outbox).
 * Written in the same transaction as the change; the relay puts it on BullMQ with the row id as job id.
 */
@Entity('outbox_message')
@Index('outbox_message_unprocessed', ['availableAt'], { where: 'processed_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, any>;

  /** Jobs with the same key replace each other while unprocessed (a rescheduled reminder). */
  @Index('outbox_message_dedupe_key', { unique: true, where: 'processed_at IS NULL AND dedupe_key IS NOT NULL' })
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  /** When the job may run: now for an e-mail, later for a reminder. */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Set by the first failure for a passing reason: such failures are retried until then, spending no attempt. */
  @Column({ name: 'retrying_until', type: 'timestamptz', nullable: true })
  retryingUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** done | failed | dropped (reason gone), set with processed_at. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;
}
