import { describe, expect, it } from 'vitest';
import { copenhagenTime } from '@app/domain/danish-dates';
import { copenhagenInstant } from './dates';

describe('a date and a time typed in Copenhagen time, as the API takes them', () => {
  it('gives winter time +01:00 and summer time +02:00', () => {
    expect(copenhagenInstant('2027-02-05', '09:30')).toBe('2027-02-05T09:30:00+01:00');
    expect(copenhagenInstant('2027-06-14', '17:05')).toBe('2027-06-14T17:05:00+02:00');
  });

  it('knows the days summer time begins and ends', () => {
    expect(copenhagenInstant('2027-03-28', '01:30')).toBe('2027-03-28T01:30:00+01:00');
    expect(copenhagenInstant('2027-03-28', '12:00')).toBe('2027-03-28T12:00:00+02:00');
    expect(copenhagenInstant('2027-10-31', '12:00')).toBe('2027-10-31T12:00:00+01:00');
  });

  it('reads an instant back as the time field shows it', () => {
    expect(copenhagenTime('2027-02-05T08:30:00.000Z')).toBe('09:30');
    expect(copenhagenTime(new Date(copenhagenInstant('2027-06-14', '07:05')))).toBe('07:05');
  });
});
