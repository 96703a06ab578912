import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { UnitOfWork } from '@app/database';
import { assertStrongPassword, DomainError } from '@app/domain';
import { OutboxService } from '@app/outbox';
import { PasswordHasher, PasswordTokenRepository, PersonRepository } from '@app/people';
import { LoginRateLimiter } from './login-rate-limiter.js';
import type { PasswordResetConfirmDto, PasswordResetRequestDto } from './password.dto.js';
import { SessionRepository } from './session.repository.js';

const tokenInvalid = () => new DomainError('invalid', 'password_token_invalid', 'The link is unknown, used already or expired; ask for a new one');

/** "Glemt adgangskode": a link by e-mail, and choosing the password through it (the welcome e-mail's link too). */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly people: PersonRepository,
    private readonly tokens: PasswordTokenRepository,
    private readonly sessions: SessionRepository,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  /**
   * Queues the e-mail without looking the address up: the answer, and the work done before it, are the same whether
   * or not anyone has it, so the endpoint tells nobody who has a login. The job looks the person up.
   */
  async request({ email }: PasswordResetRequestDto, ip: string): Promise<void> {
    const normalized = email.trim().toLowerCase();
    await this.rateLimiter.consumePasswordReset(normalized, ip);
    await this.unitOfWork.run(async (tx) => {
      await this.outbox.add(tx, 'send-password-reset', { email: normalized });
      await this.audit.record(tx, { action: 'auth.password-reset-requested', details: { email: normalized } });
    });
  }

  /** Sets the password through a link: once only, before it expires; every session of the person ends, as do their other links. */
  async confirm({ token, password }: PasswordResetConfirmDto): Promise<void> {
    const found = await this.tokens.findUsable(token);
    if (!found) throw tokenInvalid();
    const person = await this.people.findOrFail(found.personId);
    // Checked before the token is used, so a refused password leaves the link working for a better one.
    assertStrongPassword(password, [person.email, person.name]);
    const passwordHash = await PasswordHasher.hash(password);
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.tokens.use(tx, found.id))) throw tokenInvalid();
      await this.people.update(tx, person.id, { passwordHash });
      await this.tokens.retireAllOf(tx, person.id);
      const ended = await this.sessions.endAllOf(tx, person.id, 'password-reset');
      await this.audit.record(tx, { action: 'auth.password-reset', entityType: 'person', entityId: person.id, details: { purpose: found.purpose, sessionsEnded: ended } });
    });
  }
}
