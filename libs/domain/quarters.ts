import { DomainError } from './errors.js';
import type { IsoDate } from './dates.js';

/** A calendar quarter written `2024-Q1`. */
export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: unknown): value is Quarter {
  return typeof value === 'string' && QUARTER.test(value);
}

function parse(quarter: Quarter): { year: number; index: number } {
  const match = QUARTER.exec(quarter);
  if (!match) throw DomainError.invalid('invalid_quarter', `"${quarter}" is not a quarter; write it like 2024-Q1`);
  return { year: Number(match[1]), index: Number(match[2]) };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterStart(quarter: Quarter): IsoDate {
  const { year, index } = parse(quarter);
  return `${year}-${pad((index - 1) * 3 + 1)}-01`;
}

export function quarterEnd(quarter: Quarter): IsoDate {
  const { year, index } = parse(quarter);
  const lastMonth = index * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${pad(lastMonth)}-${pad(lastDay)}`;
}

export function quarterOf(date: IsoDate): Quarter {
  const [year, month] = date.split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Quarters from `from` to `to`, both included. */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  const a = parse(from);
  const b = parse(to);
  const quarters: Quarter[] = [];
  for (let year = a.year, index = a.index; year < b.year || (year === b.year && index <= b.index); ) {
    quarters.push(`${year}-Q${index}`);
    index += 1;
    if (index > 4) {
      index = 1;
      year += 1;
    }
  }
  return quarters;
}

/** The first and last day of a span of quarters; refuses a span that ends before it starts. */
export function quarterSpan(fromQuarter: Quarter, toQuarter: Quarter): { startDate: IsoDate; endDate: IsoDate } {
  const startDate = quarterStart(fromQuarter);
  const endDate = quarterEnd(toQuarter);
  if (endDate < startDate) {
    throw DomainError.invalid('quarter_span_reversed', `toQuarter ${toQuarter} is before fromQuarter ${fromQuarter}`);
  }
  return { startDate, endDate };
}
