import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PasswordTokenPurpose = 'reset' | 'welcome';

/** A single-use link to choose a password, e-mailed to the person; the token itself is never stored, only its hash. */
@Entity('password_token')
@Index('password_token_hash_unique', ['tokenHash'], { unique: true })
@Index('password_token_of_person', ['personId'])
export class PasswordToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** sha256 of the token, hex: the link's token is 256 random bits, so a fast hash is enough. */
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  purpose: PasswordTokenPurpose;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the link is used, or retired because a newer password or the loss of the login made it moot. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
