import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor, Page } from '@app/core';
import { AuditService } from '@app/audit';
import { type Transaction, UnitOfWork } from '@app/database';
import {
  assertValidMembership,
  defaultMembershipStart,
  DomainError,
  MEMBERSHIP_ROLES,
  type MembershipShape,
  membershipPeriod,
  periodContains,
  periodsOverlap,
  todayInCopenhagen,
} from '@app/domain';
import { isConstraintViolation, pageOf, pageRequest } from '@app/core';
import { PersonRepository } from '@app/people';
import type { Committee } from './committee.entity.js';
import { CommitteeRepository } from './committee.repository.js';
import { type CreateMembershipDto } from './create-membership.dto.js';
import type { ListMembershipsQueryDto } from './list-memberships-query.dto.js';
import { MembershipResponseDto } from './membership-response.dto.js';
import { MembershipRepository } from './membership.repository.js';
import { MembershipSubstituteRepository } from './membership-substitute.repository.js';
import { type SeatPeriod, SeatRepository } from './seat.repository.js';

const ROLE_ORDER = new Map(MEMBERSHIP_ROLES.map((role, index) => [role, index]));

@Injectable()
export class MembershipService {
  constructor(
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly committees: CommitteeRepository,
    private readonly memberships: MembershipRepository,
    private readonly seats: SeatRepository,
    private readonly people: PersonRepository,
    private readonly substitutes: MembershipSubstituteRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Seats a person. Membership writes lock the committee row, so concurrent requests are checked one after the
   * other; the exclusion constraint membership_no_overlap still guards writers that bypass this lock.
   */
  async add(actor: Actor, committeeId: string, dto: CreateMembershipDto): Promise<MembershipResponseDto> {
    this.access.assertCommitteeSecretary(actor, committeeId);
    try {
      return await this.unitOfWork.run(async (tx) => {
        const { committee, membership } = await this.checkedMembership(tx, committeeId, dto);
        const id = await this.memberships.insert(tx, { committeeId, ...membership });
        await this.audit.record(tx, {
          action: 'membership.created',
          entityType: 'committee',
          entityId: committee.id,
          details: { membershipId: id, ...membership },
        });
        return this.response(tx, await this.memberships.findWithPersonOrFail(tx, committeeId, id));
      });
    } catch (error) {
      if (!isConstraintViolation(error, 'membership_no_overlap')) throw error;
      // The overlapping seat was committed after our check; checking again against it gives the usual explanation.
      await this.unitOfWork.run((tx) => this.checkedMembership(tx, committeeId, dto));
      throw DomainError.conflict('membership_overlaps', 'The person already holds this role in the committee for part of that period');
    }
  }

  /** A page of the committee's seats, or with `current` of those held today; chair first, then by start and name. */
  async list(committeeId: string, query: ListMembershipsQueryDto): Promise<Page<MembershipResponseDto>> {
    const committee = await this.committees.findOrFail(committeeId);
    const page = pageRequest(query, { committeeId, current: query.current });
    const rows = await this.seats.pageIn(committeeId, { heldOn: page.filters.current ? todayInCopenhagen() : undefined, mandateEnd: committee.mandateEnd }, page);
    const substitutes = await this.substitutes.ofMemberships(rows.map((row) => row.entity.id));
    return pageOf(rows, page.limit, (row) => row.position, page.filters, (row) => MembershipResponseDto.from(row.entity, substitutes.get(row.entity.id)!.map((s) => s.person)));
  }

  /** Every seat of a committee the caller has already loaded, or with `current` those held today (the committee detail's members). */
  async seatsOf(committee: Committee, { current = false }: { current?: boolean } = {}): Promise<MembershipResponseDto[]> {
    const today = todayInCopenhagen();
    const seats = (await this.seats.periodsIn(committee.id))
      .filter((seat) => !current || periodContains(membershipPeriod(seat, committee), today))
      .sort((a, b) => ROLE_ORDER.get(a.role)! - ROLE_ORDER.get(b.role)! || a.startDate.localeCompare(b.startDate) || a.person.name.localeCompare(b.person.name, 'da'));
    const substitutes = await this.substitutes.ofMemberships(seats.map((seat) => seat.id));
    return seats.map((seat) => MembershipResponseDto.from(seat, substitutes.get(seat.id)!.map((s) => s.person)));
  }

  async remove(actor: Actor, committeeId: string, membershipId: string): Promise<void> {
    this.access.assertCommitteeSecretary(actor, committeeId);
    await this.unitOfWork.run(async (tx) => {
      const committee = await this.committees.findOrFail(committeeId, tx, { lock: 'for_no_key_update' });
      const membership = await this.seatOrNotFound(tx, committee, membershipId);
      await this.memberships.delete(tx, membershipId);
      const { personId, role, startDate, endDate } = membership;
      await this.audit.record(tx, {
        action: 'membership.deleted',
        entityType: 'committee',
        entityId: committeeId,
        details: { membershipId, personId, role, startDate, endDate },
      });
    });
  }

  /**
   * Ends a seat on a day (the secretary records that a member left): the seat is kept with its new last day, checked
   * as a new seat would be, so the past composition stays readable.
   */
  async end(actor: Actor, committeeId: string, membershipId: string, endDate: string): Promise<MembershipResponseDto> {
    this.access.assertCommitteeSecretary(actor, committeeId);
    return this.unitOfWork.run(async (tx) => {
      const committee = await this.committees.findOrFail(committeeId, tx, { lock: 'for_no_key_update' });
      const membership = await this.seatOrNotFound(tx, committee, membershipId);
      const ended = { id: membership.id, personId: membership.personId, role: membership.role, startDate: membership.startDate, endDate };
      assertValidMembership(ended, committee, await this.memberships.ofCommittee(committeeId, tx));
      await this.memberships.setEndDate(tx, membershipId, endDate);
      await this.audit.record(tx, {
        action: 'membership.ended',
        entityType: 'committee',
        entityId: committeeId,
        details: { membershipId, personId: membership.personId, role: membership.role, startDate: membership.startDate, endDate, previousEndDate: membership.endDate },
      });
      return this.response(tx, await this.memberships.findWithPersonOrFail(tx, committeeId, membershipId));
    });
  }

  /** Puts a person on the seat's list of substitutes, last or at `position` (1 first). */
  async addSubstitute(actor: Actor, committeeId: string, membershipId: string, dto: { personId: string; position?: number }): Promise<MembershipResponseDto> {
    return this.changeSubstitutes(actor, committeeId, membershipId, (current) => {
      if (current.includes(dto.personId)) throw DomainError.conflict('substitute_listed', "The person is already on the seat's list of substitutes", { personId: dto.personId });
      const at = Math.min(dto.position ?? current.length + 1, current.length + 1) - 1;
      return [...current.slice(0, at), dto.personId, ...current.slice(at)];
    });
  }

  /** Takes a person off the seat's list of substitutes; those after move up. */
  async removeSubstitute(actor: Actor, committeeId: string, membershipId: string, personId: string): Promise<MembershipResponseDto> {
    return this.changeSubstitutes(actor, committeeId, membershipId, (current) => {
      if (!current.includes(personId)) throw new DomainError('not-found', 'substitute_not_listed', "The person is not on the seat's list of substitutes", { personId });
      return current.filter((id) => id !== personId);
    });
  }

  /** Sets the seat's whole list of substitutes in order: a reordering, or any change at once. */
  async replaceSubstitutes(actor: Actor, committeeId: string, membershipId: string, personIds: string[]): Promise<MembershipResponseDto> {
    if (new Set(personIds).size !== personIds.length) throw DomainError.invalid('duplicate_substitute', 'Name each substitute once');
    return this.changeSubstitutes(actor, committeeId, membershipId, () => personIds);
  }

  /**
   * Changes a seat's list under the committee's lock, as seats change, checking every newcomer: a person who exists
   * and holds no seat in the committee during this seat (the seat-holder included).
   */
  private async changeSubstitutes(actor: Actor, committeeId: string, membershipId: string, change: (current: string[]) => string[]): Promise<MembershipResponseDto> {
    this.access.assertCommitteeSecretary(actor, committeeId);
    return this.unitOfWork.run(async (tx) => {
      const committee = await this.committees.findOrFail(committeeId, tx, { lock: 'for_no_key_update' });
      const membership = await this.seatOrNotFound(tx, committee, membershipId);
      const current = (await this.substitutes.ofMemberships([membershipId], tx)).get(membershipId)!.map((s) => s.personId);
      const next = change(current);
      const seatPeriod = membershipPeriod(membership, committee);
      const seats = await this.memberships.ofCommittee(committeeId, tx);
      for (const personId of next.filter((id) => !current.includes(id))) {
        await this.people.findOrFail(personId, tx, { field: 'personId' });
        const seated = seats.find((seat) => seat.personId === personId && periodsOverlap(membershipPeriod(seat, committee), seatPeriod));
        if (seated) {
          throw DomainError.conflict('substitute_seated', `The person is ${seated.role} of ${committee.name} during this seat, so cannot be its substitute`, { personId, membershipId: seated.id });
        }
      }
      await this.substitutes.replace(tx, membershipId, next);
      await this.audit.record(tx, { action: 'membership.substitutes-changed', entityType: 'committee', entityId: committeeId, details: { membershipId, previous: current, substitutes: next } });
      return this.response(tx, await this.memberships.findWithPersonOrFail(tx, committeeId, membershipId));
    });
  }

  private async seatOrNotFound(tx: Transaction, committee: Committee, membershipId: string) {
    const membership = await this.memberships.find(tx, committee.id, membershipId);
    if (!membership) throw new DomainError('not-found', 'membership_not_found', `${committee.name} has no membership with id ${membershipId}`, { id: membershipId });
    return membership;
  }

  private async response(tx: Transaction, seat: SeatPeriod): Promise<MembershipResponseDto> {
    const substitutes = await this.substitutes.ofMemberships([seat.id], tx);
    return MembershipResponseDto.from(seat, substitutes.get(seat.id)!.map((s) => s.person));
  }

  /** Locks the committee, loads what a new seat is checked against, and checks it. */
  private async checkedMembership(tx: Transaction, committeeId: string, dto: CreateMembershipDto) {
    const committee = await this.committees.findOrFail(committeeId, tx, { lock: 'for_no_key_update' });
    await this.people.findOrFail(dto.personId, tx, { field: 'personId' });
    const membership: MembershipShape & { endDate: string | null } = {
      personId: dto.personId,
      role: dto.role,
      startDate: dto.startDate ?? defaultMembershipStart(committee, todayInCopenhagen()),
      endDate: dto.endDate ?? null,
    };
    const existing = await this.memberships.ofCommittee(committeeId, tx);
    assertValidMembership(membership, committee, existing);
    return { committee, membership };
  }
}
