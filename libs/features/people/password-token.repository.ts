import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import type { PasswordTokenPurpose } from './password-token.entity.js';

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A link's token that still works: not used, not retired, not expired. */
export interface UsablePasswordToken {
  id: string;
  personId: string;
  purpose: PasswordTokenPurpose;
}

/** The links to choose a password: issued by the e-mails that carry them, used once by whoever holds the link. */
@Injectable()
export class PasswordTokenRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** A new token for the person, working for `validForSeconds`; the answer is the only place the token exists. */
  async issue(personId: string, purpose: PasswordTokenPurpose, validForSeconds: number, tx: Transaction = this.unitOfWork.outside): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.query(`INSERT INTO password_token (person_id, token_hash, purpose, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`, [
      personId,
      hashOf(token),
      purpose,
      validForSeconds,
    ]);
    return token;
  }

  async findUsable(token: string, tx: Transaction = this.unitOfWork.outside): Promise<UsablePasswordToken | null> {
    const [found]: UsablePasswordToken[] = await tx.query(
      `SELECT id, person_id AS "personId", purpose FROM password_token WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [hashOf(token)],
    );
    return found ?? null;
  }

  /** Uses the token; false when another request used it first (or it expired meanwhile). */
  async use(tx: Transaction, id: string): Promise<boolean> {
    // For an UPDATE, TypeORM's query answers [rows, affected count].
    const [, used]: [unknown[], number] = await tx.query(`UPDATE password_token SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now()`, [id]);
    return used === 1;
  }

  /** Every link of the person that still works stops working: they have just set a password, or lost their login. */
  async retireAllOf(tx: Transaction, personId: string): Promise<void> {
    await tx.query(`UPDATE password_token SET used_at = now() WHERE person_id = $1 AND used_at IS NULL`, [personId]);
  }
}
