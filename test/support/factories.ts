import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CommitteeKind, MembershipRole } from '@app/domain';
import type { GlobalRole } from '@app/core';
import { PasswordHasher, Person } from '@app/people';
import { Body, Committee, Membership } from '@app/committees';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | undefined;

export interface PersonWithToken {
  id: string;
  email: string;
  token: string;
}

/**
 * Builds fixtures straight into the database, for tests whose subject is not the setting up of committees
 * (that is tested through the API in its own spec).
 */
export class Factory {
  constructor(private readonly t: TestApp) {}

  private get db(): DataSource {
    return this.t.dataSource;
  }

  async body(overrides: Partial<Body> = {}): Promise<Body> {
    return this.db.getRepository(Body).save({ name: 'Hedensted Kommune', kind: 'municipality', electionTermStart: '2022-01-01', electionTermEnd: '2025-12-31', ...overrides });
  }

  async committee(overrides: Partial<Committee> & { kind?: CommitteeKind } = {}): Promise<Committee> {
    const bodyId = overrides.bodyId ?? (await this.body()).id;
    return this.db.getRepository(Committee).save({
      name: '§ 17, stk. 4-udvalget for nytænkning af socialområdet',
      kind: 'section-17-4',
      mandateStart: '2024-01-01',
      mandateEnd: '2025-12-31',
      ...overrides,
      bodyId,
    });
  }

  /** A person who can log in, with a token ready. */
  async person(overrides: { name?: string; email?: string; roles?: GlobalRole[]; party?: string } = {}): Promise<PersonWithToken> {
    passwordHash ??= PasswordHasher.hash(TEST_PASSWORD);
    const email = overrides.email ?? `${randomUUID().slice(0, 8)}@test.dk`;
    const person = await this.db.getRepository(Person).save({
      name: overrides.name ?? `Person ${email}`,
      email,
      roles: overrides.roles ?? [],
      party: overrides.party ?? null,
      passwordHash: await passwordHash,
    });
    return { id: person.id, email, token: await this.t.login(email, TEST_PASSWORD) };
  }

  async membership(committeeId: string, personId: string, role: MembershipRole, period: { startDate?: string; endDate?: string | null } = {}): Promise<Membership> {
    const committee = await this.db.getRepository(Committee).findOneByOrFail({ id: committeeId });
    return this.db.getRepository(Membership).save({ committeeId, personId, role, startDate: period.startDate ?? committee.mandateStart, endDate: period.endDate ?? null });
  }

  /** A person seated in the committee with the role, logged in. */
  async member(committeeId: string, role: MembershipRole, overrides: Parameters<Factory['person']>[0] = {}): Promise<PersonWithToken> {
    const person = await this.person(overrides);
    await this.membership(committeeId, person.id, role);
    return person;
  }
}
