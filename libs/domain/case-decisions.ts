import { dayMonthYear } from './danish-dates/index.js';

/** The decision of an earlier committee on the case an item continues (the item's referral chain, walked back). */
export interface EarlierDecision {
  itemId: string;
  meetingId: string;
  committeeName: string;
  meetingStartsAt: Date | string;
  decision: string;
  /** The earlier item was closed: its decision never reaches the public. */
  closed: boolean;
  /** The earlier meeting's minutes are published. */
  minutesPublic: boolean;
}

/** "Beslutning i PKØ-udvalget den 2. februar 2024" */
export function earlierDecisionHeading(decision: Pick<EarlierDecision, 'committeeName' | 'meetingStartsAt'>): string {
  return `Beslutning i ${decision.committeeName} den ${dayMonthYear(new Date(decision.meetingStartsAt))}`;
}

/** The earlier decisions the public may read: of open items whose meeting's minutes are published. */
export function publicEarlierDecisions<T extends Pick<EarlierDecision, 'closed' | 'minutesPublic'>>(decisions: readonly T[]): T[] {
  return decisions.filter((decision) => !decision.closed && decision.minutesPublic);
}

/** "Oversendt til PKØ-udvalget.": the referring committee's record of where the case went on. */
export function referredOnwardSentence(committeeName: string): string {
  return `Oversendt til ${committeeName}.`;
}
