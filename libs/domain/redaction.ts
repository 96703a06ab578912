/** What the public sees in place of a closed item (Kommunestyrelsesloven § 10: closed item by item). */
export const CLOSED_ITEM_TITLE = 'Lukket punkt';

/** The fields of an agenda item that any output may show; closed items keep only their number in public. */
export interface RedactableItem {
  number: number;
  closed: boolean;
  title: string;
  caseNumber?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  closedReason?: string | null;
  summary?: string | null;
  recommendation?: string | null;
  presentation?: string | null;
  decision?: string | null;
  attachments?: readonly unknown[];
  dissents?: readonly unknown[];
  disqualifications?: readonly unknown[];
}

/**
 * The public form of an item: an open item unchanged; a closed item reduced to its number, its time slot and
 * "Lukket punkt", with every text, attachment and note removed. Every public output (agenda, minutes, e-mail to
 * the public, documents) goes through this one function.
 */
export function redactItemForPublic<T extends RedactableItem>(item: T): T {
  if (!item.closed) return item;
  return {
    ...Object.fromEntries(Object.keys(item).map((key) => [key, Array.isArray(item[key as keyof T]) ? [] : null])),
    number: item.number,
    closed: true,
    title: CLOSED_ITEM_TITLE,
    startTime: item.startTime ?? null,
    endTime: item.endTime ?? null,
  } as T;
}

export function redactItemsForPublic<T extends RedactableItem>(items: readonly T[]): T[] {
  return items.map(redactItemForPublic);
}
