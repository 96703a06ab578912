import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { SessionClaims } from './session-token.js';

/** Enough for every member's open sessions in a large installation; beyond it the oldest verified token is verified again. */
const MAX_REMEMBERED_TOKENS = 20_000;

interface VerifiedToken {
  claims: SessionClaims;
  /** The token's `exp` in milliseconds: from then on it is refused, remembered or not. */
  expiresAtMs: number;
}

/**
 * Token signatures this process has checked, remembered until each token expires, so a member's requests do not
 * pay for the HMAC and the JSON parsing of the same token again and again. Only the signature and the expiry are
 * remembered: whether the session is still open and the person still active is read from the database on every
 * request (AuthGuard), so a logout, an ended session or a deactivated person is refused at once as before.
 */
@Injectable()
export class VerifiedTokens {
  private readonly byToken = new Map<string, VerifiedToken>();

  constructor(private readonly jwt: JwtService) {}

  /** The token's claims once its signature and expiry are valid; throws as JwtService does otherwise. */
  async claimsOf(token: string): Promise<SessionClaims> {
    const remembered = this.byToken.get(token);
    if (remembered) {
      if (Date.now() < remembered.expiresAtMs) return remembered.claims;
      this.byToken.delete(token);
    }
    const claims = await this.jwt.verifyAsync<SessionClaims & { exp?: number }>(token);
    // A token without an expiry is never remembered: nothing would ever let it go.
    if (typeof claims.exp === 'number') this.remember(token, { claims, expiresAtMs: claims.exp * 1000 });
    return claims;
  }

  private remember(token: string, verified: VerifiedToken): void {
    if (this.byToken.size >= MAX_REMEMBERED_TOKENS) this.byToken.delete(this.byToken.keys().next().value as string);
    this.byToken.set(token, verified);
  }
}
