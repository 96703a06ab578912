import { DomainError } from './errors.js';

/** A local time `HH:MM` (Europe/Copenhagen). */
export type LocalTime = string;

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === 'string' && LOCAL_TIME.test(value);
}

export interface SlottedItem {
  id?: string;
  number: number;
  title: string;
  startTime?: LocalTime | null;
  endTime?: LocalTime | null;
}

/** The meeting's span in local times; `end` is null when the meeting has no set end. */
export interface MeetingSpan {
  start: LocalTime;
  end: LocalTime | null;
}

/**
 * Checks an item's time slot: both ends or neither, end after start, inside the meeting's time,
 * and not overlapping another item's slot (touching ends are fine: 9.30-10.30 then 10.30-11.00).
 */
export function assertItemSlot(item: SlottedItem, meeting: MeetingSpan, others: readonly SlottedItem[]): void {
  const { startTime, endTime } = item;
  if (!startTime && !endTime) return;
  if (!startTime || !endTime) throw DomainError.invalid('incomplete_time_slot', 'Give both startTime and endTime, or neither');
  if (endTime <= startTime) throw DomainError.invalid('time_slot_reversed', `endTime ${endTime} must be after startTime ${startTime}`);
  if (startTime < meeting.start || (meeting.end && endTime > meeting.end)) {
    throw DomainError.invalid(
      'time_slot_outside_meeting',
      `The item's time ${startTime}-${endTime} must lie within the meeting's time ${meeting.start}-${meeting.end ?? 'end of day'}`,
    );
  }
  for (const other of others) {
    if (other.id !== undefined && other.id === item.id) continue;
    if (!other.startTime || !other.endTime) continue;
    if (startTime < other.endTime && other.startTime < endTime) {
      throw DomainError.conflict(
        'time_slot_overlaps',
        `The item's time ${startTime}-${endTime} overlaps punkt ${other.number} "${other.title}" (${other.startTime}-${other.endTime})`,
        { itemNumber: other.number },
      );
    }
  }
}

/** The ids in their new order after moving `id` to 1-based `position` (clamped to the list). */
export function moveInOrder(orderedIds: readonly string[], id: string, position: number): string[] {
  const rest = orderedIds.filter((other) => other !== id);
  const index = Math.min(Math.max(position, 1), orderedIds.length) - 1;
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

/** The recurring items of Danish agendas, added in one call. */
export const RECURRING_ITEMS = {
  'agenda-approval': 'Godkendelse af dagsorden',
  'mutual-information': 'Gensidig orientering',
  attendance: 'Mødedeltagelse',
  'any-other-business': 'Eventuelt',
} as const;
export type RecurringItemKind = keyof typeof RECURRING_ITEMS;

/**
 * The council approves that a substitute was called in (Kommunestyrelsesloven § 15): a standing item on its next
 * agenda not yet published, put there once by the first call-in.
 */
export const SUBSTITUTE_APPROVAL_ITEM_TITLE = 'Godkendelse af stedfortræderindkaldelse';

/** Where a case may be referred: what the committees' relations say about the sending and the receiving committee. */
export interface ReferralRoute {
  fromCommitteeId: string;
  toCommitteeId: string;
  /** The committees the sender reports to, nearest first (its reportsToId, that one's, and so on). */
  reportsToChain: readonly string[];
  /** The receiving committee has agreed to receive referrals from the sender. */
  receiverAcceptsSender: boolean;
}

/**
 * A case goes on only where it can go: up the sender's reporting line ("via PKØ-udvalget til Byrådet"), or to a
 * committee that has agreed to receive the sender's cases. Anything else would let one committee's secretary put
 * work before a committee that never asked for it.
 */
export function assertReferralRoute(route: ReferralRoute): void {
  if (route.toCommitteeId === route.fromCommitteeId) throw DomainError.invalid('refer_to_same_committee', 'A case is referred on to another committee');
  if (route.reportsToChain.includes(route.toCommitteeId) || route.receiverAcceptsSender) return;
  throw DomainError.invalid(
    'referral_off_route',
    'The meeting’s committee is not on this committee’s reporting line (reportsToId) and does not receive referrals from it; its secretary can add this committee to its referral sources',
  );
}
