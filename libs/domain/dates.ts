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

const DANISH_LONG_DATE = new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date the way Danish letters write it: "tirsdag den 2. februar 2027". */
export function danishLongDate(date: IsoDate): string {
  return DANISH_LONG_DATE.format(new Date(`${date}T12:00:00Z`));
}

/** An instant the way Danish letters write it, in Copenhagen time: "tirsdag den 2. februar 2027 kl. 9.30". */
export function danishDateTime(instant: Date): string {
  const [hours, minutes] = copenhagenTime(instant).split(':');
  return `${danishLongDate(copenhagenDate(instant))} kl. ${Number(hours)}.${minutes}`;
}
