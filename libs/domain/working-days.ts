import Holidays from 'date-holidays';
import { DomainError } from './errors.js';
import { isIsoDate, type IsoDate } from './dates.js';

/**
 * Days besides the public holidays on which the administration is closed, as `MM-DD`. Per body; the default
 * closes juleaftensdag, nytårsaftensdag and Grundlovsdag (offices close from noon, so no deadline falls there).
 */
export const DEFAULT_EXTRA_CLOSED_DAYS: readonly string[] = ['12-24', '12-31', '06-05'];

const EXTRA_CLOSED_DAY_NAMES: Record<string, string> = {
  '12-24': 'Juleaftensdag',
  '12-31': 'Nytårsaftensdag',
  '06-05': 'Grundlovsdag',
  '05-01': '1. maj',
};

const danishHolidays = new Holidays('DK');
const publicHolidaysByYear = new Map<number, Map<IsoDate, string>>();

/** The Danish public holidays (helligdage) of a year, from a maintained calendar (Store Bededag ends after 2023). */
function publicHolidays(year: number): Map<IsoDate, string> {
  let holidays = publicHolidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map(
      (danishHolidays.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name] as [IsoDate, string]),
    );
    publicHolidaysByYear.set(year, holidays);
  }
  return holidays;
}

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Refuses a closed day that is not a day of the year as `MM-DD` (29 February is one: it comes in leap years). */
export function assertClosedDays(days: readonly string[]): void {
  for (const day of days) {
    if (!/^\d{2}-\d{2}$/.test(day) || !isIsoDate(`2024-${day}`)) {
      throw DomainError.invalid('invalid_closed_day', `"${day}" is not a day of the year; write it as MM-DD, e.g. 12-24`);
    }
  }
}

/** Working days (hverdage): not a weekend, a public holiday or one of the body's extra closed days. */
export class WorkingDayCalendar {
  private readonly extraClosedDays: ReadonlySet<string>;

  constructor(extraClosedDays: readonly string[] = DEFAULT_EXTRA_CLOSED_DAYS) {
    assertClosedDays(extraClosedDays);
    this.extraClosedDays = new Set(extraClosedDays);
  }

  /** Why the office is closed that day, or null on a working day. */
  closedReason(date: IsoDate): string | null {
    const day = weekday(date);
    if (day === 0) return 'søndag';
    if (day === 6) return 'lørdag';
    const holiday = publicHolidays(Number(date.slice(0, 4))).get(date);
    if (holiday) return holiday;
    const monthDay = date.slice(5);
    if (this.extraClosedDays.has(monthDay)) return EXTRA_CLOSED_DAY_NAMES[monthDay] ?? 'lukkedag';
    return null;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.closedReason(date) === null;
  }

  /** The date `count` working days after `date` (negative: before), not counting `date` itself. */
  addWorkingDays(date: IsoDate, count: number): IsoDate {
    if (!isIsoDate(date)) throw DomainError.invalid('invalid_date', `"${date}" is not a date (YYYY-MM-DD)`);
    if (!Number.isInteger(count)) throw DomainError.invalid('invalid_working_day_count', 'The number of working days must be a whole number');
    const step = count < 0 ? -1 : 1;
    let current = date;
    for (let remaining = Math.abs(count); remaining > 0; ) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  /** "N hverdage før": e.g. the last day the agenda may go out for a meeting on `date`. */
  workingDaysBefore(date: IsoDate, count: number): IsoDate {
    return this.addWorkingDays(date, -count);
  }

  /** "N hverdage efter": e.g. when unsigned minutes become overdue. */
  workingDaysAfter(date: IsoDate, count: number): IsoDate {
    return this.addWorkingDays(date, count);
  }

  /** The date itself on a working day, else the last working day before it: when a deadline on a closed day is really due. */
  workingDayOnOrBefore(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.addWorkingDays(date, -1);
  }
}
