import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { findOrFail, type FindOrFailOptions, isConstraintViolation, type ListOrder, type PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { PersonSql } from './person-sql.repository.js';
import { PersonBody } from './person-body.entity.js';
import { Person } from './person.entity.js';

/** Serialises changes of global roles, so two administrators demoting each other cannot both succeed. */
const GLOBAL_ROLES_LOCK = 748_193_210;


/** The foreign key from person_body to body (migration 1795560000000). */
const UNKNOWN_BODY_CONSTRAINT = 'FK_person_body_body';

const PEOPLE_ORDER: ListOrder = { keys: [['p.name', 'text'], ['p.id', 'uuid']] };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

export type PersonValues = Partial<Pick<Person, 'name' | 'email' | 'party' | 'title' | 'roles' | 'passwordHash'>>;

/** A login as the API sees it on every request: who, and their global roles. */
export type LoginPerson = Pick<Person, 'id' | 'email' | 'roles'>;

/** The person table: each person, and a login where given; also the port other features read people through. */
@Injectable()
export class PersonRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  exists(id: string, tx: Transaction = this.unitOfWork.outside): Promise<boolean> {
    return tx.existsBy(Person, { id });
  }

  /** The person, or a 404 naming them (by the request field that named the id, when given). */
  findOrFail(id: string, tx: Transaction = this.unitOfWork.outside, options: Pick<FindOrFailOptions, 'field'> = {}): Promise<Person> {
    return findOrFail(tx, Person, id, options);
  }

  /** The person with their password hash, i.e. whether they can log in; `lock` for a read-modify-write. */
  findWithLoginOrFail(id: string, tx: Transaction = this.unitOfWork.outside, lock = false): Promise<Person> {
    return findOrFail(tx, Person, id, { addSelect: ['passwordHash'], ...(lock ? { lock: 'for_no_key_update' as const } : {}) });
  }

  /** By name, then id; `q` is part of the name or e-mail, in any case. */
  search({ q }: { q?: string }, page: { after: PagePosition | null; limit: number }): Promise<{ entity: Person; position: PagePosition }[]> {
    const select = this.withLogin(this.unitOfWork.outside);
    if (q) select.where('(p.name ILIKE :pattern OR p.email ILIKE :pattern)', { pattern: `%${escapeLike(q)}%` });
    return readKeysetPage(select, PEOPLE_ORDER, page);
  }

  /** The person with the (lower-case) e-mail, with their password hash, for a login. */
  findByEmailWithLogin(email: string): Promise<Person | null> {
    return this.withLogin(this.unitOfWork.outside).where('p.email = :email', { email }).getOne();
  }

  /** The bodies the person acts for, in id order. */
  async bodiesOf(personId: string, tx: Transaction = this.unitOfWork.outside): Promise<string[]> {
    return (await this.bodiesOfEach([personId], tx)).get(personId) ?? [];
  }

  /** The bodies each of the people acts for, in id order (no entry for someone without bodies). */
  async bodiesOfEach(personIds: readonly string[], tx: Transaction = this.unitOfWork.outside): Promise<Map<string, string[]>> {
    const rows = personIds.length === 0 ? [] : await tx.find(PersonBody, { where: { personId: In([...personIds]) }, order: { bodyId: 'ASC' } });
    const bodies = new Map<string, string[]>();
    for (const row of rows) bodies.set(row.personId, [...(bodies.get(row.personId) ?? []), row.bodyId]);
    return bodies;
  }

  /**
   * Replaces the bodies the person acts for. An id no body has breaks the foreign key
   * (`FK_person_body_body`, see `isUnknownBody`), which aborts the transaction, so nothing is written.
   */
  async setBodies(tx: Transaction, personId: string, bodyIds: readonly string[]): Promise<void> {
    await tx.delete(PersonBody, { personId });
    if (bodyIds.length > 0) await tx.insert(PersonBody, bodyIds.map((bodyId) => ({ personId, bodyId })));
  }

  /** Whether the error is the refusal of a body id that names no body. */
  static isUnknownBody(error: unknown): boolean {
    return isConstraintViolation(error, UNKNOWN_BODY_CONSTRAINT);
  }


  async insert(tx: Transaction, values: PersonValues): Promise<string> {
    const { identifiers } = await tx.insert(Person, values);
    return identifiers[0].id as string;
  }

  async update(tx: Transaction, id: string, changes: PersonValues): Promise<void> {
    await tx.update(Person, id, changes);
  }

  /** Held until the transaction ends; every change of global roles takes it first. */
  async lockGlobalRoles(tx: Transaction): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [GLOBAL_ROLES_LOCK]);
  }

  /** Another administrator of the whole installation (no bodies) who can log in. */
  hasAnotherAdministratorWithLogin(tx: Transaction, personId: string): Promise<boolean> {
    return tx
      .createQueryBuilder(Person, 'p')
      .where(`'admin' = ANY(p.roles) AND p.password_hash IS NOT NULL AND p.id <> :id AND NOT EXISTS (${PersonSql.bodyIdsSubquery('p.id')})`, { id: personId })
      .getExists();
  }

  anyoneCanLogIn(tx: Transaction): Promise<boolean> {
    return tx.createQueryBuilder(Person, 'p').where('p.password_hash IS NOT NULL').getExists();
  }

  /** Gives the person with the e-mail the admin role and the password, creating them as "Administrator" if nobody has it. */
  async makeAdministrator(tx: Transaction, email: string, passwordHash: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(Person)
      .values({ name: 'Administrator', email, roles: ['admin'], passwordHash })
      .orUpdate(['password_hash', 'roles'], ['email'])
      .execute();
  }

  private withLogin(tx: Transaction) {
    return tx.createQueryBuilder(Person, 'p').addSelect('p.passwordHash');
  }
}
