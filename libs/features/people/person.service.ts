import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import { AuditService } from '@app/audit';
import { PasswordHasher } from './password-hasher.js';
import { assertStrongPassword, DomainError } from '@app/domain';
import { type Transaction, UnitOfWork } from '@app/database';
import { OutboxService } from '@app/outbox';
import { type CreatePersonDto } from './create-person.dto.js';
import { type ListPeopleQueryDto } from './list-people-query.dto.js';
import { PersonDto, PersonResponseDto } from './person-response.dto.js';
import { type Person } from './person.entity.js';
import { PersonRepository } from './person.repository.js';
import { type UpdatePersonDto } from './update-person.dto.js';
import { isConstraintViolation, sentFields } from '@app/core';

@Injectable()
export class PersonService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly people: PersonRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async create(actor: Actor, dto: CreatePersonDto): Promise<PersonResponseDto> {
    this.access.assertAdmin(actor);
    if (dto.password !== undefined) assertStrongPassword(dto.password, [dto.email, dto.name]);
    const passwordHash = dto.password === undefined ? null : await PasswordHasher.hash(dto.password);
    return this.refusingTakenEmail(dto.email, () =>
      this.unitOfWork.run(async (tx) => {
        const values = { name: dto.name, email: dto.email, party: dto.party ?? null, title: dto.title ?? null, roles: dto.roles ?? [] };
        const id = await this.people.insert(tx, { ...values, passwordHash });
        if (passwordHash) await this.outbox.add(tx, 'send-welcome-email', { personId: id });
        await this.audit.record(tx, { action: 'person.created', entityType: 'person', entityId: id, details: { ...values, login: passwordHash !== null } });
        return PersonResponseDto.from(await this.people.findWithLoginOrFail(id, tx));
      }),
    );
  }

  /** Anyone logged in; only an administrator sees global roles and login status. */
  async list(actor: Actor, query: ListPeopleQueryDto): Promise<(PersonDto | PersonResponseDto)[]> {
    const people = await this.people.search({ q: query.q, limit: query.limit ?? 100, offset: query.offset ?? 0 });
    return people.map((person) => this.viewFor(actor, person));
  }

  /** Anyone logged in; only an administrator sees global roles and login status. */
  async get(actor: Actor, id: string): Promise<PersonDto | PersonResponseDto> {
    return this.viewFor(actor, await this.people.findWithLoginOrFail(id));
  }

  /** Who is admin or director, and who can log in, tells an attacker whom to aim at: administrators only. */
  private viewFor(actor: Actor, person: Person): PersonDto | PersonResponseDto {
    return this.access.isAdmin(actor) ? PersonResponseDto.from(person) : PersonDto.from(person);
  }

  async update(actor: Actor, id: string, dto: UpdatePersonDto): Promise<PersonResponseDto> {
    this.access.assertAdmin(actor);
    const { password, ...fields } = dto;
    if (password !== undefined) {
      const person = await this.people.findOrFail(id);
      assertStrongPassword(password, [fields.email ?? person.email, fields.name ?? person.name]);
    }
    const passwordHash = password === undefined ? undefined : await PasswordHasher.hash(password);
    return this.refusingTakenEmail(dto.email, () =>
      this.unitOfWork.run(async (tx) => {
        if (fields.roles) await this.people.lockGlobalRoles(tx);
        const person = await this.people.findWithLoginOrFail(id, tx, true);
        const changes = sentFields(fields);
        if (Object.keys(changes).length === 0 && passwordHash === undefined) return PersonResponseDto.from(person);
        if (fields.roles && !fields.roles.includes('admin')) await this.assertNotLastAdmin(tx, person);
        await this.people.update(tx, id, { ...changes, ...(passwordHash ? { passwordHash } : {}) });
        const givenLogin = passwordHash !== undefined && person.passwordHash === null;
        if (givenLogin) await this.outbox.add(tx, 'send-welcome-email', { personId: id });
        await this.audit.record(tx, {
          action: 'person.updated',
          entityType: 'person',
          entityId: id,
          details: { changes, ...(passwordHash ? { passwordChanged: true, loginGiven: givenLogin } : {}) },
        });
        return PersonResponseDto.from(await this.people.findWithLoginOrFail(id, tx));
      }),
    );
  }

  /** Nobody could administer the installation if its last administrator with a login lost the role. */
  private async assertNotLastAdmin(tx: Transaction, person: Person): Promise<void> {
    if (!person.roles.includes('admin') || person.passwordHash === null) return;
    if (!(await this.people.hasAnotherAdministratorWithLogin(tx, person.id))) {
      throw DomainError.conflict('last_administrator', `${person.name} is the last administrator who can log in; make someone else an administrator first`);
    }
  }

  /** The unique index decides, so two requests racing for one e-mail get the same answer as one that comes late. */
  private async refusingTakenEmail<T>(email: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (email && isConstraintViolation(error, 'person_email_unique')) {
        throw DomainError.conflict('email_taken', `Another person already has the e-mail ${email}`, { email });
      }
      throw error;
    }
  }
}
