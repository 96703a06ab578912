import { runningDateTime } from '../danish-dates/index.js';
import type { MinutesVariant } from './minutes-document.js';

/** An addition (tilføjelse) to sealed minutes, as the documents show it. */
export interface MinutesAddendumInput {
  createdAt: Date;
  text: string;
  /** The item it concerns, or null for the whole referat. */
  itemNumber: number | null;
  itemClosed: boolean;
}

/** "Tillæg til referatet, tilføjet tirsdag den 5. marts 2024 kl. 10.05", what it concerns, and its text. */
export interface MinutesAddendumEntry {
  heading: string;
  /** "Vedrører punkt 2." or null for the whole referat. */
  concerning: string | null;
  text: string;
}

export const ADDENDUM_TITLE = 'Tillæg til referatet';

/** Whether the public sees the addition: one on the whole referat or an open item; never one on a closed item. */
export function addendumIsPublic(addendum: Pick<MinutesAddendumInput, 'itemClosed'>): boolean {
  return !addendum.itemClosed;
}

export function addendumEntry({ createdAt, text, itemNumber }: MinutesAddendumInput): MinutesAddendumEntry {
  return { heading: `${ADDENDUM_TITLE}, tilføjet ${runningDateTime(createdAt)}`, concerning: itemNumber === null ? null : `Vedrører punkt ${itemNumber}.`, text };
}

/** The additions a variant shows, oldest first: all for the members, the public ones for the public. */
export function addendaOfVariant(addenda: readonly MinutesAddendumInput[], variant: MinutesVariant): MinutesAddendumEntry[] {
  return addenda.filter((addendum) => variant === 'members' || addendumIsPublic(addendum)).map(addendumEntry);
}
