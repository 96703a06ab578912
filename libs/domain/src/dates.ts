import { DomainError } from './errors.js';

/** A calendar date as `YYYY-MM-DD`; comparing two of them as strings compares them as dates. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An inclusive span of days; a missing end means open-ended. */
export interface Period {
  start: IsoDate;
  end?: IsoDate | null;
}

export function assertPeriodOrdered(period: Period, what: string): void {
  if (period.end && period.end < period.start) {
    throw DomainError.invalid('period_end_before_start', `${what} ends (${period.end}) before it starts (${period.start})`, {
      start: period.start,
      end: period.end,
    });
  }
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsBeforeB = a.end != null && a.end < b.start;
  const bEndsBeforeA = b.end != null && b.end < a.start;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** True when `inner` lies wholly within `outer` (an open end of `outer` contains everything after its start). */
export function periodWithin(inner: Period, outer: Period): boolean {
  if (inner.start < outer.start) return false;
  if (outer.end == null) return true;
  return inner.end != null && inner.end <= outer.end;
}

export function periodContains(period: Period, day: IsoDate): boolean {
  return period.start <= day && (period.end == null || day <= period.end);
}

const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
const COPENHAGEN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The date of an instant in Europe/Copenhagen, where all committee work happens. */
export function copenhagenDate(instant: Date): IsoDate {
  return COPENHAGEN_DATE.format(instant);
}

/** The wall-clock time `HH:MM` of an instant in Europe/Copenhagen. */
export function copenhagenTime(instant: Date): string {
  return COPENHAGEN_TIME.format(instant);
}

/** Today's date in Europe/Copenhagen. */
export function todayInCopenhagen(now: Date = new Date()): IsoDate {
  return copenhagenDate(now);
}
