import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor, Page } from '@app/core';
import { AuditService } from '@app/audit';
import { PasswordHasher } from './password-hasher.js';
import { assertStrongPassword, DomainError, type ErrorCode } from '@app/domain';
import { type Transaction, UnitOfWork } from '@app/database';
import { OutboxService } from '@app/outbox';
import { type CreatePersonDto } from './create-person.dto.js';
import { type ListPeopleQueryDto } from './list-people-query.dto.js';
import { PersonDto, PersonResponseDto } from './person-response.dto.js';
import { type Person } from './person.entity.js';
import { PasswordTokenRepository } from './password-token.repository.js';
import { PersonRepository } from './person.repository.js';
import { IntendedMail } from './intended-mail.js';
import { welcomeDelivery } from './people.jobs.js';
import { type UpdatePersonDto } from './update-person.dto.js';
import { isConstraintViolation, pageOf, pageRequest, sentFields } from '@app/core';

@Injectable()
export class PersonService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly people: PersonRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly passwordTokens: PasswordTokenRepository,
    private readonly intendedMail: IntendedMail,
  ) {}

  async create(actor: Actor, dto: CreatePersonDto): Promise<PersonResponseDto> {
    this.access.assertSomeAdmin(actor);
    if (dto.password !== undefined) assertStrongPassword(dto.password, [dto.email, dto.name]);
    // An administrator of bodies makes people of their bodies: by default all of them.
    const bodyIds = dto.bodyIds ?? (this.access.isInstallationAdmin(actor) ? [] : actor.bodyIds);
    this.assertMayGiveBodies(actor, bodyIds);
    const passwordHash = dto.password === undefined ? null : await PasswordHasher.hash(dto.password);
    return this.refusingTakenEmailAndUnknownBody(dto.email, () =>
      this.unitOfWork.run(async (tx) => {
        const values = { name: dto.name, email: dto.email, party: dto.party ?? null, title: dto.title ?? null, roles: dto.roles ?? [] };
        const id = await this.people.insert(tx, { ...values, passwordHash });
        await this.people.setBodies(tx, id, bodyIds);
        if (passwordHash) await this.welcome(tx, id);
        await this.audit.record(tx, { action: 'person.created', entityType: 'person', entityId: id, details: { ...values, bodyIds, login: passwordHash !== null } });
        return PersonResponseDto.fromWithBodies(await this.people.findWithLoginOrFail(id, tx), await this.people.bodiesOf(id, tx));
      }),
    );
  }

  /** Anyone logged in; only an administrator sees global roles and login status. */
  async list(actor: Actor, query: ListPeopleQueryDto): Promise<Page<PersonDto | PersonResponseDto>> {
    const page = pageRequest(query, { q: query.q });
    const rows = await this.people.search(page.filters, page);
    const bodies = this.access.isAnyAdmin(actor) ? await this.people.bodiesOfEach(rows.map((row) => row.entity.id)) : new Map<string, string[]>();
    return pageOf(rows, page.limit, (row) => row.position, page.filters, ({ entity }) => this.viewFor(actor, entity, bodies.get(entity.id) ?? []));
  }

  /** Anyone logged in; only an administrator sees global roles and login status. */
  async get(actor: Actor, id: string): Promise<PersonDto | PersonResponseDto> {
    const person = await this.people.findWithLoginOrFail(id);
    return this.viewFor(actor, person, this.access.isAnyAdmin(actor) ? await this.people.bodiesOf(id) : []);
  }

  /**
   * Who is admin or director, and who can log in, tells an attacker whom to aim at: administrators only, and an
   * administrator of bodies only for the people they manage.
   */
  /** The welcome e-mail with the link to choose a password, its delivery on the ledger from the start. */
  private async welcome(tx: Transaction, personId: string): Promise<void> {
    const mail = { personId };
    await this.intendedMail.record(tx, [mail], welcomeDelivery);
    await this.outbox.add(tx, 'send-welcome-email', mail);
  }

  private viewFor(actor: Actor, person: Person, bodyIds: string[]): PersonDto | PersonResponseDto {
    return this.managesPersonOf(actor, bodyIds) ? PersonResponseDto.fromWithBodies(person, bodyIds) : PersonDto.from(person);
  }

  /** The installation's administrator manages everyone; an administrator of bodies, the people of only those bodies. */
  private managesPersonOf(actor: Actor, personBodyIds: readonly string[]): boolean {
    if (this.access.isInstallationAdmin(actor)) return true;
    return this.access.isAnyAdmin(actor) && personBodyIds.length > 0 && personBodyIds.every((bodyId) => actor.bodyIds.includes(bodyId));
  }

  /** An administrator of bodies gives people only bodies they administer, and never none (which would make an installation-wide admin). */
  private assertMayGiveBodies(actor: Actor, bodyIds: readonly string[]): void {
    if (this.managesPersonOf(actor, bodyIds)) return;
    throw DomainError.forbidden('An administrator of bodies gives people one or more of their own bodies (bodyIds), no others', 'outside_administered_bodies');
  }

  async update(actor: Actor, id: string, dto: UpdatePersonDto): Promise<PersonResponseDto> {
    this.access.assertSomeAdmin(actor);
    const { password, bodyIds, ...fields } = dto;
    if (bodyIds) this.assertMayGiveBodies(actor, bodyIds);
    if (password !== undefined) {
      const person = await this.people.findOrFail(id);
      assertStrongPassword(password, [fields.email ?? person.email, fields.name ?? person.name]);
    }
    const passwordHash = password === undefined ? undefined : await PasswordHasher.hash(password);
    return this.refusingTakenEmailAndUnknownBody(dto.email, () =>
      this.unitOfWork.run(async (tx) => {
        // Bodies narrow an administrator as roles do, so both take the same lock before the last-admin check.
        if (fields.roles || bodyIds) await this.people.lockGlobalRoles(tx);
        const person = await this.people.findWithLoginOrFail(id, tx, true);
        const bodiesBefore = await this.people.bodiesOf(id, tx);
        // A password or an e-mail is a login: an administrator of bodies may not take over someone of another body.
        if (!this.managesPersonOf(actor, bodiesBefore)) {
          throw DomainError.forbidden('An administrator of bodies changes only people of their own bodies', 'outside_administered_bodies');
        }
        const changes = sentFields(fields);
        const bodiesAfter = bodyIds === undefined || [...bodyIds].sort().join() === bodiesBefore.join() ? null : bodyIds;
        if (Object.keys(changes).length === 0 && passwordHash === undefined && !bodiesAfter) return PersonResponseDto.fromWithBodies(person, bodiesBefore);
        const losesAdmin = fields.roles !== undefined && !fields.roles.includes('admin');
        const losesInstallationScope = bodiesAfter !== null && bodiesBefore.length === 0;
        if (losesAdmin || losesInstallationScope) await this.assertNotLastAdmin(tx, person, bodiesBefore);
        if (Object.keys(changes).length > 0 || passwordHash) await this.people.update(tx, id, { ...changes, ...(passwordHash ? { passwordHash } : {}) });
        if (bodiesAfter) await this.people.setBodies(tx, id, bodiesAfter);
        // A link to choose a password e-mailed before would otherwise undo the password the administrator just set.
        if (passwordHash) await this.passwordTokens.retireAllOf(tx, id);
        const givenLogin = passwordHash !== undefined && person.passwordHash === null;
        if (givenLogin) await this.welcome(tx, id);
        await this.audit.record(tx, {
          action: 'person.updated',
          entityType: 'person',
          entityId: id,
          details: { changes: { ...changes, ...(bodiesAfter ? { bodyIds: bodiesAfter } : {}) }, ...(passwordHash ? { passwordChanged: true, loginGiven: givenLogin } : {}) },
        });
        return PersonResponseDto.fromWithBodies(await this.people.findWithLoginOrFail(id, tx), await this.people.bodiesOf(id, tx));
      }),
    );
  }

  /** Nobody could administer the installation if its last administrator of the whole of it with a login lost that. */
  private async assertNotLastAdmin(tx: Transaction, person: Person, bodyIds: readonly string[]): Promise<void> {
    if (!person.roles.includes('admin') || person.passwordHash === null || bodyIds.length > 0) return;
    if (!(await this.people.hasAnotherAdministratorWithLogin(tx, person.id))) {
      throw DomainError.conflict('last_administrator', `${person.name} is the last administrator who can log in; make someone else an administrator first`);
    }
  }

  /**
   * The unique index decides, so two requests racing for one e-mail get the same answer as one that comes late;
   * the foreign key to the bodies decides whether each of bodyIds names a body.
   */
  private async refusingTakenEmailAndUnknownBody<T>(email: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (email && isConstraintViolation(error, 'person_email_unique')) {
        throw DomainError.conflict('email_taken', `Another person already has the e-mail ${email}`, { email });
      }
      if (PersonRepository.isUnknownBody(error)) {
        const id = /\(body_id\)=\(([^)]+)\)/.exec(String((error as { detail?: unknown }).detail))?.[1];
        throw new DomainError('not-found', 'body_not_found' as ErrorCode<'not-found'>, `bodyIds names no body${id ? `: there is none with id ${id}` : ''}`, { field: 'bodyIds', ...(id ? { id } : {}) });
      }
      throw error;
    }
  }
}
