/** A calendar quarter as the API writes it, `2024-Q1`. */
export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** "1. kvt. 2024", as Danish plans write a quarter. */
export function formatQuarter(quarter: Quarter): string {
  const match = QUARTER.exec(quarter);
  return match ? `${match[2]}. kvt. ${match[1]}` : quarter;
}

/** "2.-4. kvt. 2024", "4. kvt. 2024-1. kvt. 2025", or one quarter alone. */
export function formatQuarterSpan(from: Quarter, to: Quarter): string {
  if (from === to) return formatQuarter(from);
  const [fromYear, fromIndex] = from.split('-Q');
  const [toYear] = to.split('-Q');
  return fromYear === toYear ? `${fromIndex}.-${formatQuarter(to)}` : `${formatQuarter(from)}-${formatQuarter(to)}`;
}

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
