/** A calendar date (YYYY-MM-DD) as "1. januar 2024": a date, not an instant, so no time zone moves it. */
export function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const monthName = new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return `${day}. ${monthName} ${year}`;
}

/** "1. januar 2024 – 31. december 2025", or "fra 1. januar 2024" for a period without an end. */
export function formatPeriod(start: string, end: string | null | undefined): string {
  return end ? `${formatDay(start)} – ${formatDay(end)}` : `fra ${formatDay(start)}`;
}
