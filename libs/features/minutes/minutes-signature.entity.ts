import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@app/people';
import { Minutes } from './minutes.entity.js';

/** One person who must sign the minutes, fixed from the same attendance the document was assembled from. */
@Entity('minutes_signature')
export class MinutesSignature {
  @PrimaryColumn({ name: 'minutes_id', type: 'uuid' })
  minutesId: string;

  @ManyToOne(() => Minutes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'minutes_id', foreignKeyConstraintName: 'FK_minutes_signature_minutes' })
  minutes?: Minutes;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_minutes_signature_person' })
  person?: Person;

  /** Listed in the attendance's order (chair first). */
  @Column({ type: 'int' })
  position: number;

  /** null until the person signs. */
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;
}
