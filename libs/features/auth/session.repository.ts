import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Transaction } from '@app/database';
import { AuthSession } from './auth-session.entity.js';

export type SessionEndReason = 'logout' | 'password-changed' | 'password-reset' | 'ended-by-administrator' | 'login-removed';

export interface OpenedSession {
  id: string;
  csrfToken: string;
}

/** The longest user agent kept: enough to tell browsers apart, not a way to fill the table. */
const USER_AGENT_MAX = 400;

/** Server-side sessions; the check on every request is part of the actor's statement (ActorRepository). */
@Injectable()
export class SessionRepository {
  async open(
    tx: Transaction,
    values: { id: string; personId: string; loginFingerprint: string; expiresAt: Date; ip: string | null; userAgent: string | null },
  ): Promise<OpenedSession> {
    const csrfToken = randomBytes(32).toString('base64url');
    const { identifiers } = await tx.insert(AuthSession, { ...values, userAgent: values.userAgent?.slice(0, USER_AGENT_MAX) ?? null, csrfToken });
    return { id: identifiers[0].id as string, csrfToken };
  }

  async end(tx: Transaction, id: string, reason: SessionEndReason): Promise<void> {
    await tx.query(`UPDATE auth_session SET ended_at = now(), ended_reason = $2 WHERE id = $1 AND ended_at IS NULL`, [id, reason]);
  }

  /** Ends every open session of the person, but `keep` (the caller's own, when they changed their password). */
  async endAllOf(tx: Transaction, personId: string, reason: SessionEndReason, keep?: string): Promise<number> {
    // For an UPDATE, TypeORM's query answers [rows, affected count].
    const [, ended]: [unknown[], number] = await tx.query(
      `UPDATE auth_session SET ended_at = now(), ended_reason = $2 WHERE person_id = $1 AND ended_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`,
      [personId, reason, keep ?? null],
    );
    return ended;
  }

  /** The session goes on under a password its holder has just set. */
  async rebind(tx: Transaction, id: string, loginFingerprint: string): Promise<void> {
    await tx.update(AuthSession, id, { loginFingerprint });
  }
}
