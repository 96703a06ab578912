import { copenhagenDate, copenhagenTime, type IsoDate } from '../dates.js';

const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const;
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

/**
 * Names joined the Danish way: "A", "A og B", "A, B og C". Danish puts no comma before "og", so the
 * English serial comma must not creep in.
 */
export function danishList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

/** A date as minutes titles write it: "02-02-2024". */
export function danishNumericDate(day: IsoDate): string {
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}

/** A day as running text writes it: "2. februar 2024". */
export function danishDayMonthYear(day: IsoDate): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date}. ${MONTHS[month - 1]} ${year}`;
}

/** The meeting's start as the minutes' Mødedato: "Fredag d. 02. februar 2024 kl. 09:30" (Copenhagen time). */
export function danishMeetingDate(startsAt: Date): string {
  const [year, month, date] = copenhagenDate(startsAt).split('-').map(Number);
  // The calendar day is already local; its weekday does not depend on a time zone when read at UTC noon.
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date, 12)).getUTCDay()];
  const capitalised = weekday.charAt(0).toUpperCase() + weekday.slice(1);
  return `${capitalised} d. ${String(date).padStart(2, '0')}. ${MONTHS[month - 1]} ${year} kl. ${copenhagenTime(startsAt)}`;
}
