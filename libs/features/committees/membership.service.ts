import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import {
  assertValidMembership,
  defaultMembershipStart,
  DomainError,
  MEMBERSHIP_ROLES,
  type MembershipShape,
  membershipPeriod,
  periodContains,
  todayInCopenhagen,
} from '@app/domain';
import { findOrFail, isConstraintViolation } from '@app/core';
import { Person } from '@app/people';
import { Committee } from './committee.entity.js';
import { type CreateMembershipDto } from './create-membership.dto.js';
import { MembershipResponseDto } from './membership-response.dto.js';
import { Membership } from './membership.entity.js';

const ROLE_ORDER = new Map(MEMBERSHIP_ROLES.map((role, index) => [role, index]));

@Injectable()
export class MembershipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Seats a person. Membership writes lock the committee row, so concurrent requests are checked one after the
   * other; the exclusion constraint membership_no_overlap still guards writers that bypass this lock.
   */
  async add(committeeId: string, dto: CreateMembershipDto): Promise<MembershipResponseDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { committee, membership } = await this.checkedMembership(manager, committeeId, dto);
        const { identifiers } = await manager.insert(Membership, { committeeId, ...membership });
        const id = identifiers[0].id as string;
        await this.audit.record(manager, {
          action: 'membership.created',
          entityType: 'committee',
          entityId: committee.id,
          details: { membershipId: id, ...membership },
        });
        return MembershipResponseDto.from(await this.load(manager, committeeId, id));
      });
    } catch (error) {
      if (!isConstraintViolation(error, 'membership_no_overlap')) throw error;
      // The overlapping seat was committed after our check; checking again against it gives the usual explanation.
      await this.dataSource.transaction((manager) => this.checkedMembership(manager, committeeId, dto));
      throw DomainError.conflict('membership_overlaps', 'The person already holds this role in the committee for part of that period');
    }
  }

  /** Every seat of the committee, or with `current` those held today; chair first, then by start and name. */
  async list(committeeId: string, options: { current?: boolean } = {}): Promise<MembershipResponseDto[]> {
    const committee = await findOrFail(this.dataSource.manager, Committee, committeeId);
    return this.seatsOf(committee, options);
  }

  /** As list, for a committee the caller has already loaded (the committee detail). */
  async seatsOf(committee: Committee, { current = false }: { current?: boolean } = {}): Promise<MembershipResponseDto[]> {
    const memberships = await this.dataSource.manager.find(Membership, { where: { committeeId: committee.id }, relations: { person: true } });
    const today = todayInCopenhagen();
    return memberships
      .filter((membership) => !current || periodContains(membershipPeriod(membership, committee), today))
      .sort(
        (a, b) =>
          ROLE_ORDER.get(a.role)! - ROLE_ORDER.get(b.role)! || a.startDate.localeCompare(b.startDate) || a.person!.name.localeCompare(b.person!.name, 'da'),
      )
      .map((membership) => MembershipResponseDto.from(membership as Membership & { person: Person }));
  }

  async remove(committeeId: string, membershipId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const committee = await findOrFail(manager, Committee, committeeId, { lock: 'for_no_key_update' });
      const membership = await manager.findOneBy(Membership, { id: membershipId, committeeId });
      if (!membership) {
        throw new DomainError('not-found', 'membership_not_found', `${committee.name} has no membership with id ${membershipId}`, { id: membershipId });
      }
      await manager.delete(Membership, membershipId);
      const { personId, role, startDate, endDate } = membership;
      await this.audit.record(manager, {
        action: 'membership.deleted',
        entityType: 'committee',
        entityId: committeeId,
        details: { membershipId, personId, role, startDate, endDate },
      });
    });
  }

  /** Locks the committee, loads what a new seat is checked against, and checks it. */
  private async checkedMembership(manager: EntityManager, committeeId: string, dto: CreateMembershipDto) {
    const committee = await findOrFail(manager, Committee, committeeId, { lock: 'for_no_key_update' });
    await findOrFail(manager, Person, dto.personId, { field: 'personId' });
    const membership: MembershipShape & { endDate: string | null } = {
      personId: dto.personId,
      role: dto.role,
      startDate: dto.startDate ?? defaultMembershipStart(committee, todayInCopenhagen()),
      endDate: dto.endDate ?? null,
    };
    const existing = await manager.findBy(Membership, { committeeId });
    assertValidMembership(membership, committee, existing);
    return { committee, membership };
  }

  private async load(manager: EntityManager, committeeId: string, id: string) {
    const membership = await manager.findOneOrFail(Membership, { where: { id, committeeId }, relations: { person: true } });
    return membership as Membership & { person: Person };
  }
}
