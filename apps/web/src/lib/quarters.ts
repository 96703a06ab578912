/** A calendar quarter as the API writes it, `2024-Q1`. */
export type Quarter = string;

/** The quarter a date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): Quarter {
  const [year, month] = date.split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** How far ahead a plan may reach when the mandate has no end: the four years of an election term. */
const OPEN_MANDATE_YEARS = 4;

/**
 * The quarters a phase may be planned in: those the committee's mandate touches, first to last. An open mandate
 * (a standing committee) offers the four years from its start.
 */
export function mandateQuarters(mandateStart: string, mandateEnd: string | null): Quarter[] {
  const [startYear] = mandateStart.split('-').map(Number);
  const last = quarterOf(mandateEnd ?? `${startYear + OPEN_MANDATE_YEARS - 1}-12-31`);
  const quarters: Quarter[] = [];
  let [year, index] = quarterOf(mandateStart).split('-Q').map(Number);
  const [lastYear, lastIndex] = last.split('-Q').map(Number);
  while (year < lastYear || (year === lastYear && index <= lastIndex)) {
    quarters.push(`${year}-Q${index}`);
    index += 1;
    if (index > 4) {
      index = 1;
      year += 1;
    }
  }
  return quarters;
}
