import {
  clockTime,
  copenhagenDate,
  copenhagenTime,
  dayMonthYear,
  periodLabel,
  quarterLabel,
  quarterSpanLabel,
  referatDateLine,
  referatTitleDate,
  runningDate,
  runningDateTime,
  runningMeetingTime,
  timeSlot,
} from '../danish-dates/index.js';

describe('one Danish voice for dates', () => {
  it.each([
    ['2024-02-02T08:30:00Z', 'Fredag d. 02. februar 2024 kl. 09:30'],
    // Summer time: 07:00 UTC is 09:00 in Copenhagen.
    ['2024-06-10T07:00:00Z', 'Mandag d. 10. juni 2024 kl. 09:00'],
    // Late in the evening UTC is already the next day in Copenhagen.
    ['2024-12-31T23:30:00Z', 'Onsdag d. 01. januar 2025 kl. 00:30'],
    ['2025-03-30T12:15:00+02:00', 'Søndag d. 30. marts 2025 kl. 12:15'],
    ['2024-05-18T10:00:00+02:00', 'Lørdag d. 18. maj 2024 kl. 10:00'],
    ['2024-08-13T13:00:00+02:00', 'Tirsdag d. 13. august 2024 kl. 13:00'],
    ['2024-10-23T16:45:00+02:00', 'Onsdag d. 23. oktober 2024 kl. 16:45'],
    ['2024-11-28T09:05:00+01:00', 'Torsdag d. 28. november 2024 kl. 09:05'],
  ])('writes the referat date line of %s as "%s"', (instant, expected) => {
    expect(referatDateLine(new Date(instant))).toBe(expected);
    expect(referatDateLine(instant)).toBe(expected);
  });

  it('adds the end to the referat date line only when the meeting ends the same day', () => {
    expect(referatDateLine('2024-02-02T08:30:00Z', '2024-02-02T11:00:00Z')).toBe('Fredag d. 02. februar 2024 kl. 09:30-12:00');
    expect(referatDateLine('2024-02-02T08:30:00Z', '2024-02-03T11:00:00Z')).toBe('Fredag d. 02. februar 2024 kl. 09:30');
    expect(referatDateLine('2024-02-02T08:30:00Z', null)).toBe('Fredag d. 02. februar 2024 kl. 09:30');
  });

  it('writes the title date as DD-MM-YYYY, from a day or an instant in Copenhagen', () => {
    expect(referatTitleDate('2024-02-02')).toBe('02-02-2024');
    expect(referatTitleDate('2025-12-31')).toBe('31-12-2025');
    expect(referatTitleDate(new Date('2024-12-31T23:30:00Z'))).toBe('01-01-2025');
  });

  it.each([
    ['2024-02-02T08:30:00Z', 'fredag den 2. februar 2024 kl. 9.30'],
    // Summer time (UTC+2) and winter time (UTC+1).
    ['2024-07-09T07:05:00Z', 'tirsdag den 9. juli 2024 kl. 9.05'],
    ['2024-01-09T07:05:00Z', 'tirsdag den 9. januar 2024 kl. 8.05'],
    // Midnight in Copenhagen is the evening before in UTC.
    ['2027-06-30T22:00:00Z', 'torsdag den 1. juli 2027 kl. 0.00'],
    ['2027-06-30T22:05:00Z', 'torsdag den 1. juli 2027 kl. 0.05'],
    ['2024-10-27T00:30:00Z', 'søndag den 27. oktober 2024 kl. 2.30'],
    ['2024-10-27T01:30:00Z', 'søndag den 27. oktober 2024 kl. 2.30'],
  ])('writes %s in running text as "%s"', (instant, expected) => {
    expect(runningDateTime(instant)).toBe(expected);
  });

  it('writes a date in running text, lower case, with no leading zero', () => {
    expect(runningDate('2027-02-02')).toBe('tirsdag den 2. februar 2027');
    expect(runningDate('2024-06-05')).toBe('onsdag den 5. juni 2024');
    expect(runningDate(new Date('2024-12-31T23:30:00Z'))).toBe('onsdag den 1. januar 2025');
    expect(runningDate('2024-12-31T23:30:00Z')).toBe('onsdag den 1. januar 2025');
  });

  it('writes a meeting time with its end only when it ends the same day', () => {
    expect(runningMeetingTime('2027-02-02T08:30:00Z', '2027-02-02T11:00:00Z')).toBe('tirsdag den 2. februar 2027 kl. 9.30-12.00');
    expect(runningMeetingTime('2027-02-02T08:30:00Z', null)).toBe('tirsdag den 2. februar 2027 kl. 9.30');
    expect(runningMeetingTime('2027-02-02T08:30:00Z', '2027-02-03T11:00:00Z')).toBe('tirsdag den 2. februar 2027 kl. 9.30');
  });

  it('writes time slots and clock times the Danish way', () => {
    expect(timeSlot('09:30', '10:30')).toBe('kl. 9.30-10.30');
    expect(timeSlot('09:30', null)).toBe('kl. 9.30');
    expect(timeSlot('00:00', '01:05')).toBe('kl. 0.00-1.05');
    expect(timeSlot(null, '10:30')).toBeNull();
    expect(clockTime('13:05')).toBe('13.05');
  });

  it('reads an instant in Copenhagen time, summer and winter', () => {
    expect(copenhagenDate('2024-06-30T22:30:00Z')).toBe('2024-07-01');
    expect(copenhagenTime('2024-06-30T22:30:00Z')).toBe('00:30');
    expect(copenhagenTime(new Date('2024-01-15T22:30:00Z'))).toBe('23:30');
  });

  it('writes a day and a period of days', () => {
    expect(dayMonthYear('2024-01-01')).toBe('1. januar 2024');
    expect(periodLabel('2024-01-01', '2025-12-31')).toBe('1. januar 2024 – 31. december 2025');
    expect(periodLabel('2024-01-01', null)).toBe('fra 1. januar 2024');
  });

  it('writes quarters as Danish plans do', () => {
    expect(quarterLabel('2024-Q1')).toBe('1. kvt. 2024');
    expect(quarterSpanLabel('2024-Q2', '2024-Q4')).toBe('2.-4. kvt. 2024');
    expect(quarterSpanLabel('2024-Q4', '2025-Q1')).toBe('4. kvt. 2024-1. kvt. 2025');
    expect(quarterSpanLabel('2025-Q3', '2025-Q3')).toBe('3. kvt. 2025');
  });
});
