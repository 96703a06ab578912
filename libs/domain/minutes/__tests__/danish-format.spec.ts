import { danishList, danishMeetingDate, danishNumericDate } from '../danish-format.js';

describe('Danish formatting for the minutes', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A og B'],
    [['A', 'B', 'C'], 'A, B og C'],
    [['Anders Andersen', 'Bente Bentsen', 'Carl Carlsen', 'Dorte Dahl'], 'Anders Andersen, Bente Bentsen, Carl Carlsen og Dorte Dahl'],
  ])('joins %j as "%s", with no comma before "og"', (names, expected) => {
    expect(danishList(names)).toBe(expected);
  });

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
  ])('writes the meeting start %s as "%s"', (instant, expected) => {
    expect(danishMeetingDate(new Date(instant))).toBe(expected);
  });

  it('writes the title date as DD-MM-YYYY', () => {
    expect(danishNumericDate('2024-02-02')).toBe('02-02-2024');
    expect(danishNumericDate('2025-12-31')).toBe('31-12-2025');
  });
});
