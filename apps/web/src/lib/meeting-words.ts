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
  withdrawn: 'Punktet udgår',
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

/** The grounds of § 10 a closed item is closed on, with the public title each proposes ("andet" proposes none). */
export const CLOSED_REASONS = [
  { value: 'personal-matter', label: 'Personsag', publicTitle: 'Personalesag' },
  { value: 'real-estate', label: 'Køb eller salg af fast ejendom', publicTitle: 'Køb af ejendom' },
  { value: 'estimates-and-tenders', label: 'Overslag og licitationer', publicTitle: 'Overslag og licitation' },
  { value: 'negotiations-with-authorities', label: 'Forhandlinger med andre myndigheder', publicTitle: 'Forhandlinger med andre myndigheder' },
  { value: 'other', label: 'Andet', publicTitle: '' },
] as const;

export type ClosedReasonCode = (typeof CLOSED_REASONS)[number]['value'];

/** "personsag", or the text given for "andet": as members see the reason beside "Lukket punkt". */
export function closedReasonWords(item: { closedReason?: string | null; closedReasonText?: string | null }): string | null {
  if (item.closedReason === 'other' || !item.closedReason) return item.closedReasonText?.trim() || null;
  return CLOSED_REASONS.find((reason) => reason.value === item.closedReason)?.label.toLowerCase() ?? null;
}

/** The public title a ground proposes. */
export function proposedPublicTitle(reason: string): string {
  return CLOSED_REASONS.find((option) => option.value === reason)?.publicTitle ?? '';
}
