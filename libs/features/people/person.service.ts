import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { PasswordHasher } from './password-hasher.js';
import { DomainError } from '@app/domain';
import { OutboxService } from '@app/outbox';
import { type CreatePersonDto } from './create-person.dto.js';
import { type ListPeopleQueryDto } from './list-people-query.dto.js';
import { PersonResponseDto } from './person-response.dto.js';
import { Person } from './person.entity.js';
import { type UpdatePersonDto } from './update-person.dto.js';
import { findOrFail, isConstraintViolation, sentFields } from '@app/core';

/** Serialises changes of global roles, so two administrators demoting each other cannot both succeed. */
const GLOBAL_ROLES_LOCK = 748_193_210;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

@Injectable()
export class PersonService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async create(dto: CreatePersonDto): Promise<PersonResponseDto> {
    const passwordHash = dto.password === undefined ? null : await PasswordHasher.hash(dto.password);
    return this.refusingTakenEmail(dto.email, () =>
      this.dataSource.transaction(async (manager) => {
        const values = { name: dto.name, email: dto.email, party: dto.party ?? null, title: dto.title ?? null, roles: dto.roles ?? [] };
        const { identifiers } = await manager.insert(Person, { ...values, passwordHash });
        const id = identifiers[0].id as string;
        if (passwordHash) await this.outbox.add(manager, 'send-welcome-email', { personId: id });
        await this.audit.record(manager, { action: 'person.created', entityType: 'person', entityId: id, details: { ...values, login: passwordHash !== null } });
        return PersonResponseDto.from(await this.load(manager, id));
      }),
    );
  }

  async list(query: ListPeopleQueryDto): Promise<PersonResponseDto[]> {
    const select = this.select(this.dataSource.manager)
      .orderBy('p.name')
      .addOrderBy('p.id')
      .take(query.limit ?? 100)
      .skip(query.offset ?? 0);
    if (query.q) select.where('(p.name ILIKE :pattern OR p.email ILIKE :pattern)', { pattern: `%${escapeLike(query.q)}%` });
    return (await select.getMany()).map((person) => PersonResponseDto.from(person));
  }

  async get(id: string): Promise<PersonResponseDto> {
    return PersonResponseDto.from(await this.load(this.dataSource.manager, id));
  }

  async update(id: string, dto: UpdatePersonDto): Promise<PersonResponseDto> {
    const { password, ...fields } = dto;
    const passwordHash = password === undefined ? undefined : await PasswordHasher.hash(password);
    return this.refusingTakenEmail(dto.email, () =>
      this.dataSource.transaction(async (manager) => {
        if (fields.roles) await manager.query('SELECT pg_advisory_xact_lock($1)', [GLOBAL_ROLES_LOCK]);
        const person = await this.load(manager, id, true);
        const changes = sentFields(fields);
        if (Object.keys(changes).length === 0 && passwordHash === undefined) return PersonResponseDto.from(person);
        if (fields.roles && !fields.roles.includes('admin')) await this.assertNotLastAdmin(manager, person);
        await manager.update(Person, id, { ...changes, ...(passwordHash ? { passwordHash } : {}) });
        const givenLogin = passwordHash !== undefined && person.passwordHash === null;
        if (givenLogin) await this.outbox.add(manager, 'send-welcome-email', { personId: id });
        await this.audit.record(manager, {
          action: 'person.updated',
          entityType: 'person',
          entityId: id,
          details: { changes, ...(passwordHash ? { passwordChanged: true, loginGiven: givenLogin } : {}) },
        });
        return PersonResponseDto.from(await this.load(manager, id));
      }),
    );
  }

  /** Nobody could administer the installation if its last administrator with a login lost the role. */
  private async assertNotLastAdmin(manager: EntityManager, person: Person): Promise<void> {
    if (!person.roles.includes('admin') || person.passwordHash === null) return;
    const anotherAdmin = await manager
      .createQueryBuilder(Person, 'p')
      .where(`'admin' = ANY(p.roles) AND p.password_hash IS NOT NULL AND p.id <> :id`, { id: person.id })
      .getExists();
    if (!anotherAdmin) {
      throw DomainError.conflict('last_administrator', `${person.name} is the last administrator who can log in; make someone else an administrator first`);
    }
  }

  private select(manager: EntityManager) {
    return manager.createQueryBuilder(Person, 'p').addSelect('p.passwordHash');
  }

  private load(manager: EntityManager, id: string, lockForUpdate = false): Promise<Person> {
    return findOrFail(manager, Person, id, { addSelect: ['passwordHash'], ...(lockForUpdate ? { lock: 'for_no_key_update' } : {}) });
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
