/** Everything happens in Copenhagen time, whatever the reader's device says; the forms people read are in
 * `@app/domain/danish-dates`, this module holds what a form's date and time fields need. */
const TIME_ZONE = 'Europe/Copenhagen';

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
