import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { PersonSql } from '@app/people';
import { MinutesSignature } from './minutes-signature.entity.js';

/** One who signs the minutes, with their name, and when they signed (null: not yet). */
export interface MinutesSignatoryRow {
  personId: string;
  name: string;
  signedAt: Date | null;
}

/** The minutes_signature table: who signs the minutes, in order, and who has signed. */
@Injectable()
export class MinutesSignatureRepository {
  find(tx: Transaction, minutesId: string, personId: string): Promise<MinutesSignature | null> {
    return tx.findOneBy(MinutesSignature, { minutesId, personId });
  }

  /** Those who sign, in their order, with their names. */
  signatories(minutesId: string, tx: Transaction): Promise<MinutesSignatoryRow[]> {
    return tx.query(
      `SELECT s.person_id AS "personId", p.name, s.signed_at AS "signedAt"
         FROM minutes_signature s ${PersonSql.join('p', 's.person_id')} WHERE s.minutes_id = $1 ORDER BY s.position`,
      [minutesId],
    );
  }

  async sign(tx: Transaction, minutesId: string, personId: string): Promise<void> {
    await tx.update(MinutesSignature, { minutesId, personId }, { signedAt: new Date() });
  }

  async discardAll(tx: Transaction, minutesId: string): Promise<void> {
    await tx.update(MinutesSignature, { minutesId }, { signedAt: null });
  }

  async unsignedCount(tx: Transaction, minutesId: string): Promise<number> {
    const [{ unsigned }]: { unsigned: number }[] = await tx.query(`SELECT count(*)::int AS unsigned FROM minutes_signature WHERE minutes_id = $1 AND signed_at IS NULL`, [minutesId]);
    return unsigned;
  }

  /** A new list of who signs, in the given order, none signed yet. */
  async replace(tx: Transaction, minutesId: string, personIds: readonly string[]): Promise<void> {
    await tx.delete(MinutesSignature, { minutesId });
    if (personIds.length) {
      await tx.insert(MinutesSignature, personIds.map((personId, position) => ({ minutesId, personId, position, signedAt: null })));
    }
  }
}
