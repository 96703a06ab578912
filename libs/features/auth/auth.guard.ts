import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Actor, preparedStatement, RequestContext } from '@app/core';
import { DomainError, todayInCopenhagen } from '@app/domain';
import { Person } from '@app/people';
import { IS_PUBLIC } from '@app/access';

interface TokenClaims {
  sub: string;
}

/** The person behind a token with the committee seats they hold today, on every request. */
const ACTOR_WITH_SEATS = preparedStatement(
  'actor-with-seats',
  `SELECT p.id, p.email, p.roles,
          coalesce(json_agg(json_build_object('committeeId', m.committee_id, 'role', m.role)) FILTER (WHERE m.id IS NOT NULL), '[]') AS seats
     FROM person p
     LEFT JOIN membership m ON m.person_id = p.id AND m.start_date <= $2 AND (m.end_date IS NULL OR m.end_date >= $2)
    WHERE p.id = $1
    GROUP BY p.id`,
);

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
    @InjectRepository(Person) private readonly people: Repository<Person>,
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
    const [person] = await this.people.query(ACTOR_WITH_SEATS, [claims.sub, todayInCopenhagen()]);
    if (!person) throw unauthenticated('The token belongs to nobody known here; log in again');
    const actor: Actor = { personId: person.id, email: person.email, roles: person.roles, seats: person.seats };
    request.actor = actor;
    RequestContext.setActor(actor);
    return true;
  }
}
