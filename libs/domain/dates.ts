import { copenhagenDate, copenhagenTime } from './danish-dates/index.js';
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

/** Today's date in Europe/Copenhagen. */
export function todayInCopenhagen(now: Date = new Date()): IsoDate {
  return copenhagenDate(now);
}

/**
 * The instant at which clocks in Copenhagen show `time` (`HH:MM`) on `date`. Copenhagen is UTC+1 or UTC+2, so one
 * of the two candidates shows that wall-clock time; a time skipped when the clocks go forward falls an hour later.
 */
export function copenhagenInstant(date: IsoDate, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const asIfUtc = Date.UTC(year, month - 1, day, hours, minutes);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asIfUtc - offsetHours * 3_600_000);
    if (copenhagenDate(candidate) === date && copenhagenTime(candidate) === time) return candidate;
  }
  return new Date(asIfUtc - 3_600_000);
}
