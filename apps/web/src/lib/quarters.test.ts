import { describe, expect, it } from 'vitest';
import { periodLabel, quarterLabel, quarterSpanLabel, runningMeetingTime, timeSlot } from '@app/domain/danish-dates';
import { mandateQuarters, quarterOf } from './quarters';

describe('quarters in Danish and from the mandate', () => {
  it('writes quarters, periods and meeting times with the forms the documents use, shared from the domain', () => {
    expect(quarterLabel('2024-Q1')).toBe('1. kvt. 2024');
    expect(quarterSpanLabel('2024-Q2', '2024-Q4')).toBe('2.-4. kvt. 2024');
    expect(periodLabel('2026-01-01', null)).toBe('fra 1. januar 2026');
    expect(runningMeetingTime('2024-06-14T08:00:00Z', '2024-06-14T10:00:00Z')).toBe('fredag den 14. juni 2024 kl. 10.00-12.00');
    expect(timeSlot('09:30', '10:30')).toBe('kl. 9.30-10.30');
  });

  it('finds the quarter of a date', () => {
    expect(['2024-01-01', '2024-03-31', '2024-04-01', '2024-12-31'].map(quarterOf)).toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q4']);
  });

  it('offers the quarters the mandate touches, a mandate starting mid-quarter included', () => {
    expect(mandateQuarters('2024-01-01', '2025-12-31')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(mandateQuarters('2024-05-15', '2024-08-01')).toEqual(['2024-Q2', '2024-Q3']);
  });

  it('offers four years from the start of an open mandate', () => {
    const quarters = mandateQuarters('2026-01-01', null);
    expect(quarters).toHaveLength(16);
    expect([quarters[0], quarters.at(-1)]).toEqual(['2026-Q1', '2029-Q4']);
  });
});
