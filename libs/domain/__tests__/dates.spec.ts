import { copenhagenInstant, isIsoDate, periodsOverlap, periodWithin, todayInCopenhagen } from '../dates.js';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['24-01-01', false],
    ['2024-1-1', false],
  ])('%s is a date: %s', (value, valid) => expect(isIsoDate(value)).toBe(valid));

  it('treats periods as inclusive, with an open end running on', () => {
    expect(periodsOverlap({ start: '2024-01-01', end: '2024-06-30' }, { start: '2024-06-30', end: null })).toBe(true);
    expect(periodsOverlap({ start: '2024-01-01', end: '2024-06-29' }, { start: '2024-06-30' })).toBe(false);
    expect(periodWithin({ start: '2024-02-01', end: '2024-03-01' }, { start: '2024-01-01', end: '2025-12-31' })).toBe(true);
    expect(periodWithin({ start: '2024-02-01', end: null }, { start: '2024-01-01', end: '2025-12-31' })).toBe(false);
    expect(periodWithin({ start: '2024-02-01' }, { start: '2024-01-01' })).toBe(true);
  });

  it('knows the date in Copenhagen, which runs ahead of UTC', () => {
    expect(todayInCopenhagen(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayInCopenhagen(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
    expect(todayInCopenhagen(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
  });

  it('finds the instant of a Copenhagen wall-clock time in winter, in summer and across the clock changes', () => {
    expect(copenhagenInstant('2027-02-02', '09:00').toISOString()).toBe('2027-02-02T08:00:00.000Z');
    expect(copenhagenInstant('2027-06-04', '09:00').toISOString()).toBe('2027-06-04T07:00:00.000Z');
    // 31 March 2024: the clocks jump from 02:00 to 03:00, so 02:30 never shows and falls an hour later.
    expect(copenhagenInstant('2024-03-31', '09:00').toISOString()).toBe('2024-03-31T07:00:00.000Z');
    expect(copenhagenInstant('2024-03-31', '02:30').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(copenhagenInstant('2024-10-27', '09:00').toISOString()).toBe('2024-10-27T08:00:00.000Z');
  });

});
