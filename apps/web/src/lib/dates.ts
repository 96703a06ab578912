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
