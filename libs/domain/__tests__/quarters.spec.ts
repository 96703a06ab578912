import { isQuarter, quarterEnd, quarterOf, quarterSpan, quartersBetween, quarterStart } from '../quarters.js';

describe('quarters', () => {
  it.each([
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q2', '2024-04-01', '2024-06-30'],
    ['2024-Q3', '2024-07-01', '2024-09-30'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
  ])('%s runs from %s to %s', (quarter, start, end) => {
    expect(quarterStart(quarter)).toBe(start);
    expect(quarterEnd(quarter)).toBe(end);
    expect(quarterOf(start)).toBe(quarter);
    expect(quarterOf(end)).toBe(quarter);
  });

  it('spans the seeds’ phases inclusively', () => {
    expect(quarterSpan('2024-Q2', '2024-Q4')).toEqual({ startDate: '2024-04-01', endDate: '2024-12-31' });
    expect(quarterSpan('2025-Q1', '2025-Q2')).toEqual({ startDate: '2025-01-01', endDate: '2025-06-30' });
    expect(quartersBetween('2024-Q3', '2025-Q2')).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
  });

  it('refuses a reversed span and malformed quarters', () => {
    expect(() => quarterSpan('2025-Q1', '2024-Q4')).toThrow('toQuarter 2024-Q4 is before fromQuarter 2025-Q1');
    expect(() => quarterStart('2024-Q5')).toThrow('write it like 2024-Q1');
    expect(isQuarter('2024-q1')).toBe(false);
    expect(isQuarter('2024-Q1')).toBe(true);
  });
});
