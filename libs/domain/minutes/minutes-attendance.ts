import { clockTime } from '../danish-dates/index.js';
import type { MembershipRole } from '../committee-rules.js';
import { holdsVotingSeat } from '../quorum.js';
import { danishList } from './danish-format.js';

/** One row of the meeting's attendance, as the meeting view reads it. */
export interface MinutesAttendee {
  personId: string;
  name: string;
  /** Seats in the committee on the meeting's day; empty for a guest invited to a phase. */
  roles: readonly string[];
  /** null: nothing recorded, which the minutes read as present (the secretary records the exceptions). */
  status: 'present' | 'absent' | 'virtual' | string | null;
  /** HH:MM a virtual participant left. */
  until: string | null;
  /** The member a substitute (stedfortræder) stands in for; null or left out for everyone else. */
  substituteFor?: { personId: string; name: string } | null;
}

/** Who signs the minutes, a committee setting: every member who took part (the rule), or only the chair and secretary. */
export const MINUTES_SIGNERS = ['participants', 'chair-and-secretary'] as const;
export type MinutesSigners = (typeof MINUTES_SIGNERS)[number];

export interface MinutesSignatory {
  personId: string;
  name: string;
}

/** A signatory's seat as the signature page names it; someone with neither a seat nor a member to stand in for is "Deltager". */
const SIGNATORY_ROLE_NAMES: Record<MembershipRole, string> = {
  chair: 'Formand',
  'vice-chair': 'Næstformand',
  member: 'Medlem',
  external: 'Eksternt medlem',
  secretary: 'Sekretær',
  administration: 'Administration',
};

/**
 * The seat an attendee signs in: the first of their roles in the order above, e.g. "Formand"; a substitute signs
 * in the seat they stood in, "Stedfortræder for Anna Andersen".
 */
export function signatoryRoleName({ roles, substituteFor }: Pick<MinutesAttendee, 'roles' | 'substituteFor'>): string {
  const role = (Object.keys(SIGNATORY_ROLE_NAMES) as MembershipRole[]).find((candidate) => roles.includes(candidate));
  if (role) return SIGNATORY_ROLE_NAMES[role];
  return substituteFor ? `Stedfortræder for ${substituteFor.name}` : 'Deltager';
}

/** The secretary keeps the minutes rather than sitting on the committee; a secretary with another seat is a member too. */
function isMember(attendee: MinutesAttendee): boolean {
  return attendee.roles.some((role) => role !== 'secretary');
}

/** Staff keeping the minutes, left out of the committee's attendance sentences. */
function isSecretaryOnly(attendee: MinutesAttendee): boolean {
  return attendee.roles.includes('secretary') && !isMember(attendee);
}

function tookPart(attendee: MinutesAttendee): boolean {
  return attendee.status !== 'absent';
}

/**
 * The attendance in the sentences of a Danish referat, e.g. "Alle var mødt, undtagen A, B og C, der havde meldt
 * afbud." and "D deltog virtuelt til kl. 10.30."; "Alle var mødt." when every member came. Guests who came are named.
 */
export function attendanceSentences(attendance: readonly MinutesAttendee[]): string[] {
  const members = attendance.filter(isMember);
  const absent = members.filter((a) => !tookPart(a)).map((a) => a.name);
  const sentences = [absent.length ? `Alle var mødt, undtagen ${danishList(absent)}, der havde meldt afbud.` : 'Alle var mødt.'];
  const guests = attendance.filter((a) => a.roles.length === 0 && !a.substituteFor && tookPart(a)).map((a) => a.name);
  if (guests.length) sentences.push(`Desuden deltog ${danishList(guests)}.`);
  for (const attendee of attendance) {
    if (attendee.substituteFor && tookPart(attendee)) sentences.push(`${attendee.name} deltog som stedfortræder for ${attendee.substituteFor.name}.`);
  }
  // Those who left at the same time share a sentence; the order is the attendance list's (chair first).
  const virtualByUntil = new Map<string | null, string[]>();
  for (const attendee of attendance) {
    if (attendee.status !== 'virtual' || isSecretaryOnly(attendee)) continue;
    virtualByUntil.set(attendee.until, [...(virtualByUntil.get(attendee.until) ?? []), attendee.name]);
  }
  for (const [until, names] of virtualByUntil) {
    sentences.push(`${danishList(names)} deltog virtuelt${until ? ` til kl. ${clockTime(until)}` : ''}.`);
  }
  return sentences;
}

/**
 * Who must sign (Kommunestyrelsesloven § 13): every member who took part, present or virtual (chair, vice-chair,
 * members, external members, and the substitutes who sat in an absent member's seat); absent members and
 * substitutes, the secretary and the administration do not sign. Where the committee is set so, only the one who
 * chaired (the chair, or the vice-chair standing in) and the secretary sign.
 */
export function minutesSignatories(attendance: readonly MinutesAttendee[], signers: MinutesSigners): MinutesSignatory[] {
  const signatory = ({ personId, name }: MinutesAttendee): MinutesSignatory => ({ personId, name });
  if (signers === 'participants') return attendance.filter((a) => (holdsVotingSeat(a.roles) || Boolean(a.substituteFor)) && tookPart(a)).map(signatory);
  const holding = (role: MembershipRole) => attendance.filter((a) => a.roles.includes(role) && tookPart(a));
  const chairing = holding('chair').length ? holding('chair') : holding('vice-chair');
  return [...new Set([...chairing, ...holding('secretary')])].map(signatory);
}
