import { DomainError } from './errors.js';

/** Why an item is closed (Kommunestyrelsesloven § 10): the grounds the law names, and "andet" with a text of its own. */
export const CLOSED_REASONS = ['personal-matter', 'real-estate', 'estimates-and-tenders', 'negotiations-with-authorities', 'other'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

/** The grounds as the agenda names them: "Lukket punkt (personsag)". */
export const CLOSED_REASON_LABELS: Record<ClosedReason, string> = {
  'personal-matter': 'personsag',
  'real-estate': 'køb eller salg af fast ejendom',
  'estimates-and-tenders': 'overslag og licitationer',
  'negotiations-with-authorities': 'forhandlinger med andre myndigheder',
  other: 'andet',
};

/** The public title proposed for each ground; "andet" has none, its public title is always written. */
export const DEFAULT_PUBLIC_TITLES: Record<ClosedReason, string | null> = {
  'personal-matter': 'Personalesag',
  'real-estate': 'Køb af ejendom',
  'estimates-and-tenders': 'Overslag og licitation',
  'negotiations-with-authorities': 'Forhandlinger med andre myndigheder',
  other: null,
};

/** What the public sees in place of a closed item (Kommunestyrelsesloven § 10: closed item by item). */
export const CLOSED_ITEM_TITLE = 'Lukket punkt';

export interface ClosedItemFields {
  closedReason: ClosedReason | null;
  /** The "andet" text (Uddybning); kept for any ground, required for "andet". */
  closedReasonText: string | null;
  /** The title the public, e-mails and public documents show beside "Lukket punkt". */
  publicTitle: string | null;
}

const trimmed = (text: string | null | undefined): string | null => text?.trim() || null;

/**
 * The closed fields an item is stored with: nothing for an open item; for a closed one a ground from the list, its
 * text where the ground is "andet", and a public title, the ground's proposed one when none is given.
 */
export function closedItemFields(closed: boolean, fields: Partial<ClosedItemFields>): ClosedItemFields {
  if (!closed) return { closedReason: null, closedReasonText: null, publicTitle: null };
  const reason = fields.closedReason ?? null;
  if (!reason) throw DomainError.invalid('closed_reason_required', `A closed item needs its reason (closedReason): one of ${CLOSED_REASONS.join(', ')}`);
  const text = trimmed(fields.closedReasonText);
  if (reason === 'other' && !text) throw DomainError.invalid('closed_reason_text_required', 'A closed item closed for another reason ("andet") needs that reason in closedReasonText');
  const publicTitle = trimmed(fields.publicTitle) ?? DEFAULT_PUBLIC_TITLES[reason];
  if (!publicTitle) throw DomainError.invalid('public_title_required', 'A closed item closed for another reason ("andet") needs a publicTitle, the title the public sees');
  return { closedReason: reason, closedReasonText: text, publicTitle };
}

/** "Lukket punkt: Personalesag"; an item closed before public titles existed shows "Lukket punkt" alone. */
export function publicClosedTitle(publicTitle: string | null | undefined): string {
  return publicTitle?.trim() ? `${CLOSED_ITEM_TITLE}: ${publicTitle.trim()}` : CLOSED_ITEM_TITLE;
}

/** The ground in words for members: "personsag", or the text given for "andet". */
export function closedReasonInWords(item: { closedReason?: string | null; closedReasonText?: string | null }): string | null {
  const reason = item.closedReason as ClosedReason | null | undefined;
  if (!reason) return trimmed(item.closedReasonText);
  if (reason === 'other') return trimmed(item.closedReasonText) ?? CLOSED_REASON_LABELS.other;
  const text = trimmed(item.closedReasonText);
  return text ? `${CLOSED_REASON_LABELS[reason]}: ${text}` : CLOSED_REASON_LABELS[reason];
}
