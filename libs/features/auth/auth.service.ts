import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { UnitOfWork } from '@app/database';
import { assertStrongPassword, DomainError } from '@app/domain';
import { DUMMY_PASSWORD_HASH, loginFingerprint, PasswordHasher, type Person, PersonRepository } from '@app/people';
import { LoginAnswerDto, LoginDto, SessionDto } from './login.dto.js';
import type { ChangePasswordDto } from './password.dto.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { SessionRepository } from './session.repository.js';
import type { RequestSession } from './session-token.js';

/** Who is logging in from where: kept with the session. */
export interface LoginClient {
  ip: string;
  userAgent?: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  async login({ email, password }: LoginDto, client: LoginClient): Promise<LoginAnswerDto> {
    const normalized = email.trim().toLowerCase();
    await this.rateLimiter.consume(normalized, client.ip);
    const person = await this.people.findByEmailWithLogin(normalized);
    const valid = await PasswordHasher.verify(person?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
    if (!person?.passwordHash || !valid) {
      await this.audit.recordStandalone({ action: 'auth.login-failed', entityType: 'person', entityId: person?.id, statusCode: 401, details: { email: normalized } });
      throw new DomainError('unauthenticated', 'invalid_credentials', 'The e-mail or password is wrong');
    }
    return this.openSession(person, client);
  }

  /** A new session for the person and a token naming it; the way in after a password or the identity provider. */
  async openSession(person: Pick<Person, 'id' | 'email' | 'passwordHash'>, client: LoginClient): Promise<LoginAnswerDto> {
    const sessionId = randomUUID();
    const accessToken = await this.jwt.signAsync({ sub: person.id, sid: sessionId });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    const { csrfToken } = await this.sessions.open(this.unitOfWork.outside, {
      id: sessionId,
      personId: person.id,
      loginFingerprint: loginFingerprint(person.passwordHash),
      expiresAt: new Date(exp * 1000),
      ip: client.ip,
      userAgent: client.userAgent ?? null,
    });
    await this.audit.recordStandalone({ action: 'auth.login', entityType: 'person', entityId: person.id, statusCode: 200, actor: { personId: person.id, email: person.email } });
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat, csrfToken };
  }

  /** The person of the session, as the web application shows them, with the csrf token its changes carry. */
  async session(actor: Actor, session: RequestSession): Promise<SessionDto> {
    const person = await this.people.findOrFail(actor.personId);
    // Nobody acts for a body until people carry the bodies they act for (issue 12, point 3); then they are read here.
    return { person: { id: person.id, name: person.name, email: person.email, roles: person.roles, bodyIds: [] }, csrfToken: session.csrfToken };
  }

  async logout(actor: Actor, session: RequestSession): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await this.sessions.end(tx, session.id, 'logout');
      await this.audit.record(tx, { action: 'auth.logout', entityType: 'person', entityId: actor.personId });
    });
  }

  /**
   * The person's own password: the current one proves it is them (a wrong one counts toward the login limit), and
   * every other session ends, so whoever else had the old password is out; this session goes on.
   */
  async changePassword(actor: Actor, session: RequestSession, { currentPassword, newPassword }: ChangePasswordDto, client: LoginClient): Promise<void> {
    await this.rateLimiter.consume(actor.email, client.ip);
    const person = await this.people.findWithLoginOrFail(actor.personId);
    if (!(await PasswordHasher.verify(person.passwordHash ?? DUMMY_PASSWORD_HASH, currentPassword)) || !person.passwordHash) {
      await this.audit.recordStandalone({ action: 'auth.login-failed', entityType: 'person', entityId: person.id, statusCode: 400, details: { email: person.email, changingPassword: true } });
      throw new DomainError('invalid', 'current_password_wrong', 'The current password is wrong');
    }
    assertStrongPassword(newPassword, [person.email, person.name]);
    const passwordHash = await PasswordHasher.hash(newPassword);
    await this.unitOfWork.run(async (tx) => {
      await this.people.update(tx, person.id, { passwordHash });
      const ended = await this.sessions.endAllOf(tx, person.id, 'password-changed', session.id);
      await this.sessions.rebind(tx, session.id, loginFingerprint(passwordHash));
      await this.audit.record(tx, { action: 'auth.password-changed', entityType: 'person', entityId: person.id, details: { otherSessionsEnded: ended } });
    });
  }
}
