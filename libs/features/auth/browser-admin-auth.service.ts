import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { type Actor, RequestContext } from '@app/core';
import { DomainError, todayInCopenhagen } from '@app/domain';
import { ActorRepository } from './actor.repository.js';
import { AuthService } from './auth.service.js';
import { cookieValue } from './session-token.js';
import { VerifiedTokens } from './verified-tokens.js';

/** What a request to an admin page carries that may prove who sent it. */
export interface BrowserRequest {
  method: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface BrowserSession {
  actor: Actor;
  /** A Set-Cookie header to send when the request logged in with a password. */
  setCookie?: string;
}

/** Asks the browser for its login when a request carries none. */
export const BASIC_CHALLENGE = 'Basic realm="Udvalgsarbejde, administration", charset="UTF-8"';

const unauthenticated = (message: string) => new DomainError('unauthenticated', 'unauthenticated', message);

/**
 * Admin pages that a browser opens (the queue dashboard) cannot send the API's bearer token, so they also accept
 * the browser's own login prompt (HTTP Basic, through the ordinary login with its rate limit and audit). A login
 * leaves the token in an HttpOnly, SameSite=Strict cookie for the page's path, so the page's frequent polling does
 * not log in again. Basic is accepted for reading only: a browser sends remembered Basic credentials along with
 * requests other sites provoke, but not a SameSite=Strict cookie, so changes need the cookie or a bearer token.
 */
@Injectable()
export class BrowserAdminAuth {
  constructor(
    private readonly verifiedTokens: VerifiedTokens,
    private readonly auth: AuthService,
    private readonly actors: ActorRepository,
    private readonly config: AppConfig,
  ) {}

  cookieName(path: string): string {
    return `cw_admin_${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '')}`;
  }

  /** The admin behind the request, or a 401 (no or bad login) or 403 (not an admin). */
  async authenticate(request: BrowserRequest, path: string): Promise<BrowserSession> {
    const cookieToken = cookieValue(request.headers.cookie, this.cookieName(path));
    if (cookieToken) {
      const actor = await this.actorOfToken(cookieToken).catch(() => null);
      if (actor) return { actor: this.asAdmin(actor) };
    }
    const [scheme, credentials] = String(request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && credentials) {
      const actor = await this.actorOfToken(credentials).catch(() => null);
      if (!actor) throw unauthenticated('The token is invalid or has expired; log in again');
      return { actor: this.asAdmin(actor) };
    }
    if (scheme?.toLowerCase() === 'basic' && credentials && (request.method === 'GET' || request.method === 'HEAD')) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw unauthenticated('Basic credentials are e-mail:password');
      const { accessToken, expiresIn } = await this.auth.login(
        { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) },
        { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') || undefined },
      );
      const actor = this.asAdmin((await this.actorOfToken(accessToken)) as Actor);
      const secure = this.config.PUBLIC_BASE_URL.startsWith('https:') ? '; Secure' : '';
      return { actor, setCookie: `${this.cookieName(path)}=${accessToken}; Path=${path}; Max-Age=${expiresIn}; HttpOnly; SameSite=Strict${secure}` };
    }
    throw unauthenticated('Log in as an administrator: your browser asks for e-mail and password, or send Authorization: Bearer <token>');
  }

  private asAdmin(actor: Actor): Actor {
    RequestContext.setActor(actor);
    // The queues carry every body's work: the installation's administrator's, not a body's.
    if (!actor.roles.includes('admin') || actor.bodyIds.length > 0) throw DomainError.forbidden('Only an administrator of the whole installation may see the queues');
    return actor;
  }

  /** Roles and the session are read at every request, as the API's guard does, so taking the admin role away or ending the session takes effect at once. */
  private async actorOfToken(token: string): Promise<Actor | null> {
    const { sub, sid } = await this.verifiedTokens.claimsOf(token);
    if (typeof sid !== 'string') return null;
    const found = await this.actors.withSeatsOn(sub, sid, todayInCopenhagen());
    return found && found.csrfToken !== null ? found.actor : null;
  }
}
