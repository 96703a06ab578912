import { describe, expect, it } from 'vitest';
import { copenhagenDate, copenhagenInstant, copenhagenTime, formatDateTime, formatMeetingTime, formatTimeSlot } from './dates';

describe('Danish dates and times, in Copenhagen time', () => {
  it('writes an instant as "fredag den 2. februar 2024 kl. 9.30"', () => {
    expect(formatDateTime('2024-02-02T08:30:00.000Z')).toBe('fredag den 2. februar 2024 kl. 9.30');
  });

  it('counts summer time: 08:00 UTC in June is 10.00 in Copenhagen', () => {
    expect(formatDateTime('2024-06-14T08:00:00Z')).toBe('fredag den 14. juni 2024 kl. 10.00');
  });

  it('gives a meeting its end time and an item its time slot the Danish way', () => {
    expect(formatMeetingTime('2024-02-02T08:30:00Z', '2024-02-02T11:00:00Z')).toBe('fredag den 2. februar 2024 kl. 9.30-12.00');
    expect(formatMeetingTime('2024-02-02T08:30:00Z', null)).toBe('fredag den 2. februar 2024 kl. 9.30');
    expect(formatTimeSlot('09:30', '10:30')).toBe('kl. 9.30-10.30');
    expect(formatTimeSlot('13:05', null)).toBe('kl. 13.05');
    expect(formatTimeSlot(null, null)).toBeNull();
  });

  it('takes the calendar date in Copenhagen, where late evening UTC is already tomorrow', () => {
    expect(copenhagenDate('2024-02-01T23:30:00Z')).toBe('2024-02-02');
  });
});

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
