import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import type { Actor } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { DomainError } from '@app/domain';
import { PasswordTokenRepository, PersonRepository } from '@app/people';
import { SessionRepository } from './session.repository.js';

/** What an administrator does to another person's way in: end their sessions, or take their login away. */
@Injectable()
export class PersonSessionsService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: PasswordTokenRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every session of the person ends at once: a lost laptop, a suspicion. Their password stays. */
  async endAll(actor: Actor, personId: string): Promise<void> {
    this.access.assertAdmin(actor);
    await this.unitOfWork.run(async (tx) => {
      await this.people.findOrFail(personId, tx);
      const ended = await this.sessions.endAllOf(tx, personId, 'ended-by-administrator');
      await this.audit.record(tx, { action: 'person.sessions-ended', entityType: 'person', entityId: personId, details: { ended } });
    });
  }

  /** The person can no longer log in, and every session of theirs ends; giving them a password again gives it back. */
  async removeLogin(actor: Actor, personId: string): Promise<void> {
    this.access.assertAdmin(actor);
    await this.unitOfWork.run(async (tx) => {
      await this.people.lockGlobalRoles(tx);
      const person = await this.people.findWithLoginOrFail(personId, tx, true);
      await this.assertNotLastAdministrator(tx, person.id, person.roles.includes('admin') && person.passwordHash !== null);
      await this.people.update(tx, personId, { passwordHash: null });
      // A link to choose a password still in an inbox would otherwise give the login back.
      await this.tokens.retireAllOf(tx, personId);
      const ended = await this.sessions.endAllOf(tx, personId, 'login-removed');
      await this.audit.record(tx, { action: 'person.login-removed', entityType: 'person', entityId: personId, details: { hadLogin: person.passwordHash !== null, sessionsEnded: ended } });
    });
  }

  private async assertNotLastAdministrator(tx: Transaction, personId: string, isAdministratorWithLogin: boolean): Promise<void> {
    if (isAdministratorWithLogin && !(await this.people.hasAnotherAdministratorWithLogin(tx, personId))) {
      throw DomainError.conflict('last_administrator', 'This is the last administrator who can log in; make someone else an administrator first');
    }
  }
}
