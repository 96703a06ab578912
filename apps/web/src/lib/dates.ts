/** Everything happens in Copenhagen time, whatever the reader's device says. */
const TIME_ZONE = 'Europe/Copenhagen';

const PARTS = new Intl.DateTimeFormat('da-DK', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: string | Date): Record<string, string> {
  const parts = PARTS.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** "fredag den 2. februar 2024" (Copenhagen time). */
export function formatDate(instant: string | Date): string {
  const { weekday, day, month, year } = partsOf(instant);
  return `${weekday} den ${day}. ${month} ${year}`;
}

/** "2. februar 2024" (Copenhagen time), as running text writes a day. */
export function formatDayMonthYear(instant: string | Date): string {
  const { day, month, year } = partsOf(instant);
  return `${day}. ${month} ${year}`;
}

/** "9.30": hours without a leading zero, a full stop before the minutes, as Danish documents write the time. */
export function formatClock(instant: string | Date): string {
  const { hour, minute } = partsOf(instant);
  return `${Number(hour)}.${minute}`;
}

/** "fredag den 2. februar 2024 kl. 9.30" (Copenhagen time). */
export function formatDateTime(instant: string | Date): string {
  return `${formatDate(instant)} kl. ${formatClock(instant)}`;
}

/** "fredag den 2. februar 2024 kl. 9.30-12.00", or without the end when there is none. */
export function formatMeetingTime(startsAt: string, endsAt: string | null | undefined): string {
  return endsAt ? `${formatDateTime(startsAt)}-${formatClock(endsAt)}` : formatDateTime(startsAt);
}

/** A local time "09:30" as "9.30". */
function localClock(time: string): string {
  const [hours, minutes] = time.split(':');
  return `${Number(hours)}.${minutes}`;
}

/** An item's time slot from local times "09:30" and "10:30": "kl. 9.30-10.30"; null without a start. */
export function formatTimeSlot(startTime: string | null | undefined, endTime: string | null | undefined): string | null {
  if (!startTime) return null;
  return endTime ? `kl. ${localClock(startTime)}-${localClock(endTime)}` : `kl. ${localClock(startTime)}`;
}

/** The Copenhagen calendar date of an instant, YYYY-MM-DD, for comparing with a date field's value. */
export function copenhagenDate(instant: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}

const NUMERIC = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });

/** The offset of Copenhagen time from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function copenhagenOffsetMinutes(utcMillis: number): number {
  const parts = Object.fromEntries(NUMERIC.formatToParts(new Date(utcMillis)).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - Math.floor(utcMillis / 60_000) * 60_000) / 60_000);
}

/**
 * A date field's "2027-02-05" and a time field's "09:30", read as Copenhagen time, as the instant the API takes:
 * "2027-02-05T09:30:00+01:00".
 */
export function copenhagenInstant(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const wallClock = Date.UTC(year, month - 1, day, hours, minutes);
  // The offset at the wall-clock time taken as UTC is right except within hours of a change; asking again at the
  // instant it gives settles it.
  let offset = copenhagenOffsetMinutes(wallClock - 60 * 60_000);
  offset = copenhagenOffsetMinutes(wallClock - offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date}T${pad(hours)}:${pad(minutes)}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The Copenhagen local time of an instant as a time field's value, "09:30". */
export function copenhagenTime(instant: string | Date): string {
  const { hour, minute } = partsOf(instant);
  return `${hour.padStart(2, '0')}:${minute}`;
}
