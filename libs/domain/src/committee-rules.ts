import { DomainError } from './errors.js';
import { assertPeriodOrdered, type IsoDate, type Period, periodsOverlap, periodWithin } from './dates.js';

export const COMMITTEE_KINDS = ['council', 'finance', 'standing', 'section-17-4', 'working-group', 'forum'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const MEMBERSHIP_ROLES = ['chair', 'vice-chair', 'member', 'secretary', 'administration', 'external'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Roles of which a committee has at most one person at a time. */
const SINGLE_HOLDER_ROLES: ReadonlySet<MembershipRole> = new Set(['chair', 'vice-chair']);

export const BODY_KINDS = ['municipality', 'region'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface ElectionTerm {
  electionTermStart?: IsoDate | null;
  electionTermEnd?: IsoDate | null;
}

export interface CommitteeShape {
  kind: CommitteeKind;
  mandateStart: IsoDate;
  mandateEnd?: IsoDate | null;
}

export interface RelatedCommittee {
  id: string;
  bodyId: string;
  name: string;
}

/**
 * Checks a committee's mandate against its body and its relations. A § 17, stk. 4 committee is temporary:
 * it needs an end date and may not outlive the council's election term (Kommunestyrelsesloven § 17, stk. 4).
 */
export function assertValidCommittee(
  committee: CommitteeShape & { id?: string; bodyId: string },
  body: ElectionTerm & { name: string },
  relations: { parent?: RelatedCommittee | null; reportsTo?: RelatedCommittee | null } = {},
): void {
  assertPeriodOrdered({ start: committee.mandateStart, end: committee.mandateEnd }, 'The mandate');
  if (committee.kind === 'section-17-4') {
    if (!committee.mandateEnd) {
      throw DomainError.invalid('mandate_end_required', 'A § 17, stk. 4 committee is temporary and needs a mandateEnd');
    }
    if (body.electionTermEnd && committee.mandateEnd > body.electionTermEnd) {
      throw DomainError.invalid(
        'mandate_beyond_election_term',
        `A § 17, stk. 4 committee may not outlive the election term: mandateEnd ${committee.mandateEnd} is after ${body.name}'s term ends on ${body.electionTermEnd}`,
        { mandateEnd: committee.mandateEnd, electionTermEnd: body.electionTermEnd },
      );
    }
  }
  if (committee.kind === 'working-group' && !relations.parent) {
    throw DomainError.invalid('parent_required', 'A working group needs parentId: the committee it works under');
  }
  for (const [field, related] of [
    ['parentId', relations.parent],
    ['reportsToId', relations.reportsTo],
  ] as const) {
    if (!related) continue;
    if (related.bodyId !== committee.bodyId) {
      throw DomainError.invalid('committee_of_other_body', `${field} names ${related.name}, which belongs to another body`);
    }
    if (committee.id && related.id === committee.id) {
      throw DomainError.invalid('committee_refers_to_itself', `${field} may not name the committee itself`);
    }
  }
}

export interface MembershipShape {
  id?: string;
  personId: string;
  role: MembershipRole;
  startDate: IsoDate;
  endDate?: IsoDate | null;
}

/**
 * Checks a new membership against the committee's mandate and its current memberships:
 * nobody holds the same role twice at once, and a committee has one chair and one vice-chair at a time.
 */
export function assertValidMembership(
  membership: MembershipShape,
  committee: CommitteeShape & { name: string },
  existing: readonly MembershipShape[],
): void {
  const period: Period = { start: membership.startDate, end: membership.endDate };
  assertPeriodOrdered(period, 'The membership');
  const mandate: Period = { start: committee.mandateStart, end: committee.mandateEnd };
  if (!periodWithin(period, mandate)) {
    throw DomainError.invalid(
      'membership_outside_mandate',
      `The membership (${period.start} to ${period.end ?? 'open end'}) must lie within ${committee.name}'s mandate (${mandate.start} to ${mandate.end ?? 'open end'})`,
    );
  }
  for (const other of existing) {
    if (other.id !== undefined && other.id === membership.id) continue;
    if (other.role !== membership.role) continue;
    if (!periodsOverlap(period, { start: other.startDate, end: other.endDate })) continue;
    if (other.personId === membership.personId) {
      throw DomainError.conflict(
        'membership_overlaps',
        `The person is already ${membership.role} of ${committee.name} from ${other.startDate} to ${other.endDate ?? 'open end'}`,
        { membershipId: other.id },
      );
    }
    if (SINGLE_HOLDER_ROLES.has(membership.role)) {
      throw DomainError.conflict(
        'role_already_held',
        `${committee.name} already has a ${membership.role} from ${other.startDate} to ${other.endDate ?? 'open end'}`,
        { membershipId: other.id },
      );
    }
  }
}
