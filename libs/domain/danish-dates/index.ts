/**
 * One Danish voice for dates, times and quarters, always in Europe/Copenhagen whatever the server's or the reader's
 * clock says. Each form is named by where Danish committee documents use it:
 *
 *   referatDateLine     "Fredag d. 02. februar 2024 kl. 09:30"   the Mødedato line of a referat or a dagsorden
 *   referatTitleDate    "02-02-2024"                             the title: "REFERAT Udvalg ... d. 02-02-2024"
 *   runningDate         "fredag den 2. februar 2024"             running text in pages, e-mails and notices
 *   runningDateTime     "fredag den 2. februar 2024 kl. 9.30"
 *   runningMeetingTime  "fredag den 2. februar 2024 kl. 9.30-12.00"
 *   timeSlot            "kl. 9.30-10.30", or "kl. 9.30" for one time
 *   clockTime           "9.30"
 *   dayMonthYear        "2. februar 2024"                        a period's ends: "1. januar 2024 – 31. december 2025"
 *   quarterLabel        "1. kvt. 2024", quarterSpanLabel "2.-4. kvt. 2024"
 *
 * The module imports nothing, so the web application shares it as `@app/domain/danish-dates`.
 */

/** A calendar date `YYYY-MM-DD`. */
type CalendarDay = string;
/** A local wall-clock time `HH:MM` in Copenhagen. */
type WallClock = string;
/** An instant: a Date, or an ISO 8601 timestamp as the API sends it. */
export type Instant = Date | string;

const TIME_ZONE = 'Europe/Copenhagen';
const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const;
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const COPENHAGEN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const asDate = (instant: Instant): Date => (typeof instant === 'string' ? new Date(instant) : instant);
const pad = (n: number) => String(n).padStart(2, '0');
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The date of an instant in Europe/Copenhagen, where all committee work happens. */
export function copenhagenDate(instant: Instant): CalendarDay {
  return COPENHAGEN_DATE.format(asDate(instant));
}

/** The wall-clock time `HH:MM` of an instant in Europe/Copenhagen. */
export function copenhagenTime(instant: Instant): WallClock {
  return COPENHAGEN_TIME.format(asDate(instant));
}

/** A calendar day as it stands, or an instant's Copenhagen day. */
function dayOf(dayOrInstant: CalendarDay | Instant): CalendarDay {
  return typeof dayOrInstant === 'string' && CALENDAR_DAY.test(dayOrInstant) ? dayOrInstant : copenhagenDate(dayOrInstant);
}

function partsOf(day: CalendarDay): { year: number; month: number; date: number; weekday: string } {
  const [year, month, date] = day.split('-').map(Number);
  // A calendar day's weekday does not depend on a time zone when read at UTC noon.
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date, 12)).getUTCDay()];
  return { year, month, date, weekday };
}

/** "09:30" as Danish running text writes a time: "9.30". */
export function clockTime(time: WallClock): string {
  return `${Number(time.slice(0, 2))}.${time.slice(3, 5)}`;
}

/** An item's time slot from local times: "kl. 9.30-10.30", "kl. 9.30" with no end; null with no start. */
export function timeSlot(startTime?: WallClock | null, endTime?: WallClock | null): string | null {
  if (!startTime) return null;
  return endTime ? `kl. ${clockTime(startTime)}-${clockTime(endTime)}` : `kl. ${clockTime(startTime)}`;
}

/** "2. februar 2024". */
export function dayMonthYear(dayOrInstant: CalendarDay | Instant): string {
  const { year, month, date } = partsOf(dayOf(dayOrInstant));
  return `${date}. ${MONTHS[month - 1]} ${year}`;
}

/** Running text: "fredag den 2. februar 2024", from a calendar day or an instant (its Copenhagen day). */
export function runningDate(dayOrInstant: CalendarDay | Instant): string {
  const { year, month, date, weekday } = partsOf(dayOf(dayOrInstant));
  return `${weekday} den ${date}. ${MONTHS[month - 1]} ${year}`;
}

/** Running text: "fredag den 2. februar 2024 kl. 9.30" (Copenhagen time). */
export function runningDateTime(instant: Instant): string {
  return `${runningDate(instant)} kl. ${clockTime(copenhagenTime(instant))}`;
}

/** "fredag den 2. februar 2024 kl. 9.30-12.00"; only the start when the meeting has no end on its day. */
export function runningMeetingTime(startsAt: Instant, endsAt?: Instant | null): string {
  if (!endsAt || copenhagenDate(endsAt) !== copenhagenDate(startsAt)) return runningDateTime(startsAt);
  return `${runningDate(startsAt)} ${timeSlot(copenhagenTime(startsAt), copenhagenTime(endsAt))}`;
}

/**
 * The Mødedato line as Danish referater write it: "Fredag d. 02. februar 2024 kl. 09:30", with "-12:00" when the
 * meeting ends the same day. It opens the line, hence the capital.
 */
export function referatDateLine(startsAt: Instant, endsAt?: Instant | null): string {
  const { year, month, date, weekday } = partsOf(copenhagenDate(startsAt));
  const capitalised = weekday.charAt(0).toUpperCase() + weekday.slice(1);
  const end = endsAt && copenhagenDate(endsAt) === copenhagenDate(startsAt) ? `-${copenhagenTime(endsAt)}` : '';
  return `${capitalised} d. ${pad(date)}. ${MONTHS[month - 1]} ${year} kl. ${copenhagenTime(startsAt)}${end}`;
}

/** The date in a referat's or dagsorden's title: "REFERAT Udvalg ... d. 02-02-2024". */
export function referatTitleDate(dayOrInstant: CalendarDay | Instant): string {
  const [year, month, date] = dayOf(dayOrInstant).split('-');
  return `${date}-${month}-${year}`;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A quarter `2024-Q1` as Danish plans write it: "1. kvt. 2024". */
export function quarterLabel(quarter: string): string {
  const match = QUARTER.exec(quarter);
  return match ? `${match[2]}. kvt. ${match[1]}` : quarter;
}

/** "2.-4. kvt. 2024", "4. kvt. 2024-1. kvt. 2025", or one quarter alone. */
export function quarterSpanLabel(from: string, to: string): string {
  if (from === to) return quarterLabel(from);
  const [fromYear, fromIndex] = from.split('-Q');
  const [toYear] = to.split('-Q');
  return fromYear === toYear ? `${fromIndex}.-${quarterLabel(to)}` : `${quarterLabel(from)}-${quarterLabel(to)}`;
}

/** A period of calendar days: "1. januar 2024 – 31. december 2025", or "fra 1. januar 2024" with no end. */
export function periodLabel(start: CalendarDay, end?: CalendarDay | null): string {
  return end ? `${dayMonthYear(start)} – ${dayMonthYear(end)}` : `fra ${dayMonthYear(start)}`;
}
