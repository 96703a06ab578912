import { describe, expect, it } from 'vitest';
import { formatDay, formatPeriod } from './periods';

describe('dates and periods in Danish', () => {
  it('writes a calendar date without moving it by a time zone', () => {
    expect(formatDay('2024-01-01')).toBe('1. januar 2024');
    expect(formatDay('2025-12-31')).toBe('31. december 2025');
  });

  it('writes a period, open or closed', () => {
    expect(formatPeriod('2024-01-01', '2025-12-31')).toBe('1. januar 2024 – 31. december 2025');
    expect(formatPeriod('2026-01-01', null)).toBe('fra 1. januar 2026');
  });
});
