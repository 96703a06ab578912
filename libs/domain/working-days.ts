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

/** Easter Sunday of a year in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher), as [month, day]. */
function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

/** The movable helligdage, in days from Easter Sunday; Store Bededag is no helligdag from 2024 on. */
const EASTER_HOLIDAYS: readonly { offset: number; name: string; lastYear?: number }[] = [
  { offset: -3, name: 'Skærtorsdag' },
  { offset: -2, name: 'Langfredag' },
  { offset: 0, name: 'Påskedag' },
  { offset: 1, name: 'Anden påskedag' },
  { offset: 26, name: 'Store Bededag', lastYear: 2023 },
  { offset: 39, name: 'Kristi Himmelfartsdag' },
  { offset: 49, name: 'Pinsedag' },
  { offset: 50, name: 'Anden Pinsedag' },
];

const FIXED_HOLIDAYS: readonly { monthDay: string; name: string }[] = [
  { monthDay: '01-01', name: 'Nytårsdag' },
  { monthDay: '12-25', name: 'Juledag' },
  { monthDay: '12-26', name: 'Anden Juledag' },
];

const publicHolidaysByYear = new Map<number, Map<IsoDate, string>>();

/**
 * The Danish public holidays (helligdage) of a year: computed from Easter rather than read from a calendar package,
 * whose data for every country cost a worker some 8 MB of heap for these eleven days (the spec checks the two agree).
 */
function publicHolidays(year: number): Map<IsoDate, string> {
  let holidays = publicHolidaysByYear.get(year);
  if (!holidays) {
    const [month, day] = easterSunday(year);
    const easter = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
    holidays = new Map([
      ...FIXED_HOLIDAYS.map(({ monthDay, name }): [IsoDate, string] => [`${year}-${monthDay}`, name]),
      ...EASTER_HOLIDAYS.filter(({ lastYear }) => lastYear === undefined || year <= lastYear).map(({ offset, name }): [IsoDate, string] => [addDays(easter, offset), name]),
    ]);
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
