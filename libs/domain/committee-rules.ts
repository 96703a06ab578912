import { DomainError } from './errors.js';
import { assertPeriodOrdered, type IsoDate, type Period, periodContains, periodsOverlap, periodWithin } from './dates.js';

export const COMMITTEE_KINDS = ['council', 'finance', 'standing', 'section-17-4', 'working-group', 'forum'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

export const MEMBERSHIP_ROLES = ['chair', 'vice-chair', 'member', 'secretary', 'administration', 'external'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * The seats the public may know of: the politicians (chair, vice-chair, members) and the external members. The
 * secretary and the administration are staff, whose names open data does not publish.
 */
export const PUBLIC_MEMBERSHIP_ROLES = ['chair', 'vice-chair', 'member', 'external'] as const satisfies readonly MembershipRole[];

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
  /** Committees reached from this one by following the same relation (its parent's parent, ...), to refuse loops. */
  ancestorIds?: readonly string[];
}

export interface MembershipShape {
  id?: string;
  personId: string;
  role: MembershipRole;
  startDate: IsoDate;
  /** Null: the seat lasts as long as the committee's mandate. */
  endDate?: IsoDate | null;
}

export interface CommitteeContext {
  body: ElectionTerm & { name: string };
  parent?: RelatedCommittee | null;
  reportsTo?: RelatedCommittee | null;
  /** The memberships the committee already has (on a change); its mandate must keep covering them. */
  memberships?: readonly MembershipShape[];
}

const describePeriod = (period: Period) => `${period.start} to ${period.end ?? 'open end'}`;

/** A § 17, stk. 4 committee may not outlive the council that set it up (Kommunestyrelsesloven § 17, stk. 4). */
function outlivesElectionTerm(committee: CommitteeShape, body: ElectionTerm): boolean {
  if (committee.kind !== 'section-17-4' || !body.electionTermEnd) return false;
  return !committee.mandateEnd || committee.mandateEnd > body.electionTermEnd;
}

/**
 * The days a seat covers. An open end lasts until the mandate ends, so a committee whose mandate is
 * shortened or extended carries its open-ended seats along.
 */
export function membershipPeriod(membership: Pick<MembershipShape, 'startDate' | 'endDate'>, committee: CommitteeShape): Period {
  return { start: membership.startDate, end: membership.endDate ?? committee.mandateEnd ?? null };
}

/** Whether a seat lies within the mandate; its start is checked on its own, as an open end takes the mandate's end. */
function seatWithinMandate(membership: Pick<MembershipShape, 'startDate' | 'endDate'>, committee: CommitteeShape): boolean {
  const mandate: Period = { start: committee.mandateStart, end: committee.mandateEnd };
  return periodContains(mandate, membership.startDate) && periodWithin(membershipPeriod(membership, committee), mandate);
}

/**
 * The first day of a seat when the secretary gives none: today while the mandate runs, because someone joining
 * a running committee joins now; otherwise the mandate's first day, because the committee is still being
 * constituted, or (when it is over) its composition is being recorded after the fact.
 */
export function defaultMembershipStart(committee: CommitteeShape, today: IsoDate): IsoDate {
  return periodContains({ start: committee.mandateStart, end: committee.mandateEnd }, today) ? today : committee.mandateStart;
}

/**
 * Checks a committee's mandate against its body, its relations and, when it has some, its memberships.
 * A § 17, stk. 4 committee is temporary: it needs an end date and may not outlive the council's election term.
 */
export function assertValidCommittee(committee: CommitteeShape & { id?: string; bodyId: string }, context: CommitteeContext): void {
  const mandate: Period = { start: committee.mandateStart, end: committee.mandateEnd };
  assertPeriodOrdered(mandate, 'The mandate');
  if (committee.kind === 'section-17-4' && !committee.mandateEnd) {
    throw DomainError.invalid('mandate_end_required', 'A § 17, stk. 4 committee is temporary and needs a mandateEnd');
  }
  if (outlivesElectionTerm(committee, context.body)) {
    throw DomainError.invalid(
      'mandate_beyond_election_term',
      `A § 17, stk. 4 committee may not outlive the election term: mandateEnd ${committee.mandateEnd} is after ${context.body.name}'s term ends on ${context.body.electionTermEnd}`,
      { mandateEnd: committee.mandateEnd, electionTermEnd: context.body.electionTermEnd },
    );
  }
  if (committee.kind === 'working-group' && !context.parent) {
    throw DomainError.invalid('parent_required', 'A working group needs parentId: the committee it works under');
  }
  for (const [field, related] of [
    ['parentId', context.parent],
    ['reportsToId', context.reportsTo],
  ] as const) {
    if (!related) continue;
    if (related.bodyId !== committee.bodyId) {
      throw DomainError.invalid('committee_of_other_body', `${field} names ${related.name}, which belongs to another body`);
    }
    if (committee.id && related.id === committee.id) {
      throw DomainError.invalid('committee_refers_to_itself', `${field} may not name the committee itself`);
    }
    if (committee.id && related.ancestorIds?.includes(committee.id)) {
      throw DomainError.invalid('committee_relation_loop', `${field} names ${related.name}, which already leads back to this committee; that would make a loop`);
    }
  }
  const stranded = (context.memberships ?? []).filter((membership) => !seatWithinMandate(membership, committee));
  if (stranded.length > 0) {
    const examples = stranded.slice(0, 3).map((m) => `${m.role} from ${describePeriod({ start: m.startDate, end: m.endDate })}`);
    throw DomainError.conflict(
      'mandate_excludes_memberships',
      `The mandate ${describePeriod(mandate)} would leave ${stranded.length} membership(s) outside it (${examples.join('; ')}); end or remove them first`,
      { membershipIds: stranded.map((m) => m.id) },
    );
  }
}

/**
 * Checks a body's election term, and that shortening it leaves no § 17, stk. 4 committee of the body
 * running past its end.
 */
export function assertValidBody(body: ElectionTerm & { name: string }, committees: readonly (CommitteeShape & { name: string })[] = []): void {
  if (body.electionTermStart) assertPeriodOrdered({ start: body.electionTermStart, end: body.electionTermEnd }, 'The election term');
  const outliving = committees.filter((committee) => outlivesElectionTerm(committee, body));
  if (outliving.length > 0) {
    const names = outliving.map((c) => `${c.name} (until ${c.mandateEnd ?? 'open end'})`);
    throw DomainError.conflict(
      'election_term_excludes_committees',
      `An election term ending on ${body.electionTermEnd} would leave § 17, stk. 4 committees running past it: ${names.join(', ')}; shorten their mandates first`,
    );
  }
}

/**
 * Checks a new membership against the committee's mandate and its current memberships:
 * nobody holds the same role twice at once, and a committee has one chair and one vice-chair at a time.
 */
export function assertValidMembership(membership: MembershipShape, committee: CommitteeShape & { name: string }, existing: readonly MembershipShape[]): void {
  const requested: Period = { start: membership.startDate, end: membership.endDate };
  assertPeriodOrdered(requested, 'The membership');
  const mandate: Period = { start: committee.mandateStart, end: committee.mandateEnd };
  if (!seatWithinMandate(membership, committee)) {
    throw DomainError.invalid(
      'membership_outside_mandate',
      `The membership (${describePeriod(requested)}) must lie within ${committee.name}'s mandate (${describePeriod(mandate)})`,
      { mandateStart: mandate.start, mandateEnd: mandate.end ?? null },
    );
  }
  for (const other of existing) {
    if (other.id !== undefined && other.id === membership.id) continue;
    if (other.role !== membership.role) continue;
    const otherPeriod = membershipPeriod(other, committee);
    if (!periodsOverlap(membershipPeriod(membership, committee), otherPeriod)) continue;
    if (other.personId === membership.personId) {
      throw DomainError.conflict(
        'membership_overlaps',
        `The person is already ${membership.role} of ${committee.name} from ${describePeriod(otherPeriod)}`,
        { membershipId: other.id },
      );
    }
    if (SINGLE_HOLDER_ROLES.has(membership.role)) {
      throw DomainError.conflict('role_already_held', `${committee.name} already has a ${membership.role} from ${describePeriod(otherPeriod)}`, {
        membershipId: other.id,
      });
    }
  }
}
