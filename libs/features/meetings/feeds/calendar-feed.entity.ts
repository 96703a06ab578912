import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@app/people';

/**
 * A person's secret calendar address: one per person, renewed by replacing its token. Only the token's sha256 is
 * stored, so the address exists only in the answer that created it (and in the calendar that subscribes to it).
 */
@Entity('calendar_feed')
@Index('calendar_feed_token_hash_unique', ['tokenHash'], { unique: true })
export class CalendarFeed {
  @PrimaryColumn({ name: 'person_id', type: 'uuid', primaryKeyConstraintName: 'PK_calendar_feed' })
  personId: string;

  @OneToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_calendar_feed_person' })
  person?: Person;

  /** sha256 of the token, hex: the token is 256 random bits, so a fast hash is enough. */
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  /** When this address was made: a renewal makes a new one. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
