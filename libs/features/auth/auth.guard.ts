import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Actor, RequestContext } from '@app/core';
import { DomainError, todayInCopenhagen } from '@app/domain';
import { IS_PUBLIC } from '@app/access';
import { ActorRepository } from './actor.repository.js';
import { cookieValue, type RequestSession, SAFE_METHODS, sameSecret, SESSION_COOKIE, type SessionClaims } from './session-token.js';
import { VerifiedTokens } from './verified-tokens.js';

const unauthenticated = (message: string) => new DomainError('unauthenticated', 'unauthenticated', message);

export interface AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  session?: RequestSession;
}

/**
 * Every route needs a valid token unless marked @Public(): the bearer header, or failing that the browser's session
 * cookie. A token's signature is checked once per process until it expires (VerifiedTokens); roles and the session
 * are read from the database on each request (one statement), so taking a role away or ending a session takes
 * effect at once, not when the token expires. A change sent with the cookie must carry
 * the session's CSRF token, which another site cannot read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifiedTokens: VerifiedTokens,
    private readonly actors: ActorRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { token, viaCookie } = this.tokenOf(request);
    let claims: SessionClaims;
    try {
      claims = await this.verifiedTokens.claimsOf(token);
    } catch {
      throw unauthenticated('The token is invalid or has expired; log in again');
    }
    if (typeof claims.sid !== 'string') throw unauthenticated('The token names no session; log in again');
    const found = await this.actors.withSeatsOn(claims.sub, claims.sid, todayInCopenhagen());
    if (!found) throw unauthenticated('The token belongs to nobody known here; log in again');
    if (found.csrfToken === null) throw unauthenticated('The session has ended; log in again');
    if (viaCookie && !SAFE_METHODS.has(request.method.toUpperCase()) && !sameSecret(this.header(request, 'x-csrf-token'), found.csrfToken)) {
      throw DomainError.forbidden('A change sent with the session cookie needs the header X-CSRF-Token with the csrf token of the session', 'csrf_token_invalid');
    }
    request.actor = found.actor;
    request.session = { id: claims.sid, csrfToken: found.csrfToken, viaCookie };
    RequestContext.setActor(found.actor);
    return true;
  }

  private tokenOf(request: AuthenticatedRequest): { token: string; viaCookie: boolean } {
    const header = this.header(request, 'authorization');
    if (header) {
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('The Authorization header must be "Bearer <token>"');
      return { token, viaCookie: false };
    }
    const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (!cookie) throw unauthenticated('Log in first: send Authorization: Bearer <token>, or the session cookie');
    return { token: cookie, viaCookie: true };
  }

  private header(request: AuthenticatedRequest, name: string): string | undefined {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  }
}
