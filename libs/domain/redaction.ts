import { publicEarlierDecisions, type EarlierDecision } from './case-decisions.js';
import { publicClosedTitle } from './closed-items.js';

/** The fields of an agenda item that any output may show; closed items keep only their number in public. */
export interface RedactableItem {
  number: number;
  closed: boolean;
  title: string;
  caseNumber?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  closedReason?: string | null;
  closedReasonText?: string | null;
  /** The title the public sees beside "Lukket punkt"; the only text of a closed item that is public. */
  publicTitle?: string | null;
  summary?: string | null;
  recommendation?: string | null;
  presentation?: string | null;
  decision?: string | null;
  attachments?: readonly unknown[];
  dissents?: readonly unknown[];
  disqualifications?: readonly unknown[];
  earlierDecisions?: readonly EarlierDecision[];
}

/**
 * The public form of an item: an open item unchanged but for the earlier committees' decisions the public may not
 * read; a closed item reduced to its number, its time slot and "Lukket punkt: <public title>", with every other
 * text, attachment and note removed. Every public output (agenda, minutes, e-mail, documents) goes through this
 * one function.
 */
export function redactItemForPublic<T extends RedactableItem>(item: T): T {
  if (!item.closed) {
    if (!item.earlierDecisions?.length) return item;
    return { ...item, earlierDecisions: publicEarlierDecisions(item.earlierDecisions) };
  }
  const publicTitle = item.publicTitle?.trim() || null;
  return {
    ...Object.fromEntries(Object.keys(item).map((key) => [key, Array.isArray(item[key as keyof T]) ? [] : null])),
    number: item.number,
    closed: true,
    title: publicClosedTitle(publicTitle),
    ...('publicTitle' in item ? { publicTitle } : {}),
    startTime: item.startTime ?? null,
    endTime: item.endTime ?? null,
  } as T;
}

export function redactItemsForPublic<T extends RedactableItem>(items: readonly T[]): T[] {
  return items.map(redactItemForPublic);
}
