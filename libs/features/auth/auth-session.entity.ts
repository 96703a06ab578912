import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One login: a token names its session, and the token works only while the session is open and the person's
 * password is the one it was opened with (`loginFingerprint`), so a password set by anyone ends every other session.
 */
@Entity('auth_session')
@Index('auth_session_open_of_person', ['personId'], { where: 'ended_at IS NULL' })
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** A browser authenticated by the session cookie sends it as X-CSRF-Token with every change. */
  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken: string;

  /** A digest of the password hash the session was opened with (PersonSql.loginFingerprint). */
  @Column({ name: 'login_fingerprint', type: 'text' })
  loginFingerprint: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** Why it ended: `logout`, `password-changed`, `password-reset`, `ended-by-administrator`, `login-removed`. */
  @Column({ name: 'ended_reason', type: 'text', nullable: true })
  endedReason: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;
}
