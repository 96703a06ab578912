import type { CommitteeKind, MembershipRole } from './committee-rules.js';

/**
 * The seats whose holders vote, and so count towards quorum (Kommunestyrelsesloven § 11: "at least half of its
 * members") and may dissent or be disqualified (§§ 13-14). The secretary and the administration serve the committee
 * without a vote. External members
 * hold a seat of a § 17, stk. 4 committee by its decision, so they are counted as members there as anywhere.
 */
export const VOTING_ROLES = ['chair', 'vice-chair', 'member', 'external'] as const satisfies readonly MembershipRole[];

const VOTING: ReadonlySet<string> = new Set(VOTING_ROLES);

/** Whether any of these seats votes: chair, vice-chair, member or external member. */
export function holdsVotingSeat(roles: readonly string[]): boolean {
  return roles.some((role) => VOTING.has(role));
}

/** One row of a meeting's attendance as quorum reads it. */
export interface QuorumAttendee {
  personId: string;
  /** Seats in the committee on the meeting's day; empty for a substitute or a guest. */
  roles: readonly string[];
  /** null: nothing recorded, which counts as present (the secretary records the exceptions). */
  status: string | null;
  /** The member this substitute (stedfortræder) was called in for, or null. */
  substituteFor?: string | null;
}

export interface Quorum {
  /** Members with a vote on the meeting's day. */
  seats: number;
  /** Those taking part in the item: seat-holders and substitutes present (or virtual), without the disqualified. */
  present: number;
  /** Taking part in the meeting, but disqualified (inhabil) on this item. */
  disqualified: number;
  /** The fewest present for the committee to decide: half of the seats, rounded up. */
  required: number;
  met: boolean;
}

const takesPart = (attendee: QuorumAttendee) => attendee.status !== 'absent';

/**
 * Whether the committee can decide an item (beslutningsdygtighed): at least half of its members with a vote
 * present, counting a substitute in place of the absent member they stand for, and not counting anyone
 * disqualified on the item. A committee without seats with a vote has nobody to count and is not refused.
 */
export function itemQuorum(attendance: readonly QuorumAttendee[], disqualifiedPersonIds: readonly string[]): Quorum {
  const seated = attendance.filter((attendee) => holdsVotingSeat(attendee.roles));
  const absentSeats = new Set(seated.filter((attendee) => !takesPart(attendee)).map((attendee) => attendee.personId));
  const substitutes = attendance.filter((attendee) => attendee.substituteFor && absentSeats.has(attendee.substituteFor) && !seated.includes(attendee));
  const participants = [...seated.filter(takesPart), ...substitutes.filter(takesPart)];
  const disqualifiedIds = new Set(disqualifiedPersonIds);
  const disqualified = participants.filter((attendee) => disqualifiedIds.has(attendee.personId)).length;
  const seats = seated.length;
  const present = participants.length - disqualified;
  return { seats, present, disqualified, required: Math.ceil(seats / 2), met: present * 2 >= seats };
}

/**
 * Whether a committee without quorum is refused a decision. A § 17, stk. 4 committee only advises the council, so
 * it is shown the figure but may record its recommendation all the same; the referat says it was not quorate.
 */
export function quorumBindsDecisions(kind: CommitteeKind): boolean {
  return kind !== 'section-17-4';
}
