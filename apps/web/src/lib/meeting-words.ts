/** The Danish words for a meeting's and an item's states and a seat's roles, as the secretary's pages show them. */
export const MEETING_STATE_NAMES: Record<string, string> = {
  planned: 'Under forberedelse',
  published: 'Dagsorden udsendt',
  held: 'Mødet holdes',
  closed: 'Afsluttet',
  cancelled: 'Aflyst',
};

export const ITEM_STATE_NAMES: Record<string, string> = {
  draft: 'Kladde',
  ready: 'Klar til dagsorden',
  'on-agenda': 'På dagsordenen',
  decided: 'Besluttet',
  postponed: 'Udsat',
  referred: 'Oversendt',
};

export const ROLE_NAMES: Record<string, string> = {
  chair: 'Formand',
  'vice-chair': 'Næstformand',
  member: 'Medlem',
  secretary: 'Sekretær',
  administration: 'Administration',
  external: 'Ekstern deltager',
};

/** A seat's roles in Danish; a guest invited to the running phase has none. */
export function roleNames(roles: readonly string[]): string {
  return roles.length ? roles.map((role) => ROLE_NAMES[role] ?? role).join(', ') : 'Inviteret til fasen';
}

/** A row of the attendance list: a substitute as standing in for the member, anyone else by their roles. */
export function attendeeRole(person: { roles: readonly string[]; substituteFor: { name: string } | null }): string {
  return person.substituteFor ? `Som stedfortræder for ${person.substituteFor.name}` : roleNames(person.roles);
}

/** Whether the committee can decide an item (Kommunestyrelsesloven § 11), in the words of the meeting room. */
export function quorumText(quorum: { seats: number; present: number; required: number; met: boolean }): string {
  return quorum.met ? `Beslutningsdygtigt: ${quorum.present} af ${quorum.seats}` : `Ikke beslutningsdygtigt: ${quorum.present} af ${quorum.seats} (mindst ${quorum.required})`;
}

/** A referred case's state as the receiving secretary sees it. */
export const REFERRAL_STATE_NAMES: Record<string, string> = {
  proposed: 'Afventer svar',
  accepted: 'Sat på dagsordenen',
  declined: 'Afvist',
};
