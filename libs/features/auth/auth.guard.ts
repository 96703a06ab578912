import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type Actor, RequestContext } from '@app/core';
import { DomainError, todayInCopenhagen } from '@app/domain';
import { IS_PUBLIC } from '@app/access';
import { ActorRepository } from './actor.repository.js';

interface TokenClaims {
  sub: string;
}

const unauthenticated = (message: string) => new DomainError('unauthenticated', 'unauthenticated', message);

/**
 * Every route needs a valid bearer token unless marked @Public(). Roles are read from the database on each
 * request, so taking a role away takes effect at once, not when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const header = request.headers.authorization;
    if (!header) throw unauthenticated('Log in first: send Authorization: Bearer <token>');
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw unauthenticated('The token is invalid or has expired; log in again');
    }
    const actor = await this.actors.withSeatsOn(claims.sub, todayInCopenhagen());
    if (!actor) throw unauthenticated('The token belongs to nobody known here; log in again');
    request.actor = actor;
    RequestContext.setActor(actor);
    return true;
  }
}
