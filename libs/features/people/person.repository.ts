import { Injectable } from '@nestjs/common';
import { findOrFail, type FindOrFailOptions } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { Person } from './person.entity.js';

/** Serialises changes of global roles, so two administrators demoting each other cannot both succeed. */
const GLOBAL_ROLES_LOCK = 748_193_210;


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
  search({ q, limit, offset }: { q?: string; limit: number; offset: number }): Promise<Person[]> {
    const select = this.withLogin(this.unitOfWork.outside).orderBy('p.name').addOrderBy('p.id').take(limit).skip(offset);
    if (q) select.where('(p.name ILIKE :pattern OR p.email ILIKE :pattern)', { pattern: `%${escapeLike(q)}%` });
    return select.getMany();
  }

  /** The person with the (lower-case) e-mail, with their password hash, for a login. */
  findByEmailWithLogin(email: string): Promise<Person | null> {
    return this.withLogin(this.unitOfWork.outside).where('p.email = :email', { email }).getOne();
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

  hasAnotherAdministratorWithLogin(tx: Transaction, personId: string): Promise<boolean> {
    return tx
      .createQueryBuilder(Person, 'p')
      .where(`'admin' = ANY(p.roles) AND p.password_hash IS NOT NULL AND p.id <> :id`, { id: personId })
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
