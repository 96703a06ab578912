import Holidays from 'date-holidays';
import { WorkingDayCalendar } from '../working-days.js';

describe('the working-day calendar (hverdage)', () => {
  const calendar = new WorkingDayCalendar();

  it.each([
    ['2024-03-28', 'Skærtorsdag'],
    ['2024-03-29', 'Langfredag'],
    ['2024-04-01', 'Anden påskedag'],
    ['2024-05-09', 'Kristi Himmelfartsdag'],
    ['2024-05-20', 'Anden Pinsedag'],
    ['2024-12-25', 'Juledag'],
    ['2024-12-26', 'Anden Juledag'],
    ['2025-01-01', 'Nytårsdag'],
    ['2024-12-24', 'Juleaftensdag'],
    ['2024-12-31', 'Nytårsaftensdag'],
    ['2024-06-05', 'Grundlovsdag'],
    ['2024-03-30', 'lørdag'],
    ['2023-05-05', 'Store Bededag'],
  ])('closes on %s (%s)', (date, reason) => {
    expect(calendar.closedReason(date)).toBe(reason);
  });

  it('closes on the public holidays of the maintained Danish calendar (date-holidays), and only those, 1900 to 2200', () => {
    const open = new WorkingDayCalendar([]);
    const danish = new Holidays('DK');
    for (let year = 1900; year <= 2200; year++) {
      const expected = (danish.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => `${h.date.slice(0, 10)} ${h.name}`);
      const closed: string[] = [];
      for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
        const date = day.toISOString().slice(0, 10);
        const reason = open.closedReason(date);
        if (reason && reason !== 'lørdag' && reason !== 'søndag') closed.push(`${date} ${reason}`);
      }
      const weekdayHolidays = expected.filter((line) => ![0, 6].includes(new Date(`${line.slice(0, 10)}T00:00:00Z`).getUTCDay()));
      expect(closed).toEqual(weekdayHolidays);
    }
  });

  it('works on Store Bededag from 2024 and on 1 May by default', () => {
    expect(calendar.isWorkingDay('2024-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2024-05-01')).toBe(true);
  });

  it('counts across Easter', () => {
    // Wednesday before Easter 2024; Thursday to Monday are closed.
    expect(calendar.workingDaysAfter('2024-03-27', 1)).toBe('2024-04-02');
    expect(calendar.workingDaysBefore('2024-04-02', 1)).toBe('2024-03-27');
    expect(calendar.workingDaysBefore('2024-04-04', 4)).toBe('2024-03-26');
  });

  it('counts across Christmas and New Year', () => {
    // Monday 23 December 2024; 24-26 and 31 December and 1 January are closed.
    expect(calendar.workingDaysAfter('2024-12-23', 1)).toBe('2024-12-27');
    expect(calendar.workingDaysAfter('2024-12-23', 3)).toBe('2025-01-02');
    expect(calendar.workingDaysBefore('2025-01-06', 5)).toBe('2024-12-23');
  });

  it('counts across Grundlovsdag, and lets a body keep its office open then', () => {
    // Thursday 6 June 2024; Wednesday the 5th is Grundlovsdag.
    expect(calendar.workingDaysBefore('2024-06-06', 1)).toBe('2024-06-04');
    const open = new WorkingDayCalendar(['12-24', '12-31']);
    expect(open.workingDaysBefore('2024-06-06', 1)).toBe('2024-06-05');
    expect(new WorkingDayCalendar([...['12-24', '12-31', '06-05'], '05-01']).closedReason('2024-05-01')).toBe('1. maj');
  });

  it('gives the agenda deadline four working days before a Friday meeting', () => {
    expect(calendar.workingDaysBefore('2024-02-02', 4)).toBe('2024-01-29');
  });

  it('refuses nonsense with a message', () => {
    expect(() => new WorkingDayCalendar(['24-12'])).toThrow('write it as MM-DD');
    expect(() => new WorkingDayCalendar(['06-31'])).toThrow('"06-31" is not a day of the year');
    expect(new WorkingDayCalendar(['02-29']).isWorkingDay('2028-02-29')).toBe(false);
    expect(() => calendar.workingDaysAfter('2024-02-30', 1)).toThrow('is not a date');
  });
});
