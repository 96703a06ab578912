import { agendaNoticeWarning, materialNoticeWarning, meetingNoticeDeadlines, noticeDeadlinePassed } from '../meeting-notice.js';
import { WorkingDayCalendar } from '../working-days.js';

describe("a meeting's notice deadlines", () => {
  const periods = { agendaNoticeWorkingDays: 4, materialNoticeWorkingDays: 3 };

  it('counts the agenda and the material back from the meeting in working days, past Easter', () => {
    // Tuesday 2 April 2024: Thursday 28 March to Monday 1 April are closed.
    expect(meetingNoticeDeadlines(new WorkingDayCalendar(), '2024-04-02', periods)).toEqual({ agenda: '2024-03-22', material: '2024-03-25' });
  });

  it("counts on the body's own closed days", () => {
    // Monday 10 June 2024: Grundlovsdag (Wednesday 5 June) is closed by default, open where the body keeps it open.
    expect(meetingNoticeDeadlines(new WorkingDayCalendar(), '2024-06-10', periods)).toEqual({ agenda: '2024-06-03', material: '2024-06-04' });
    expect(meetingNoticeDeadlines(new WorkingDayCalendar([]), '2024-06-10', periods)).toEqual({ agenda: '2024-06-04', material: '2024-06-05' });
  });

  it('follows each committee’s own numbers', () => {
    expect(meetingNoticeDeadlines(new WorkingDayCalendar(), '2024-02-02', { agendaNoticeWorkingDays: 6, materialNoticeWorkingDays: 1 })).toEqual({
      agenda: '2024-01-25',
      material: '2024-02-01',
    });
  });

  it('holds a deadline through its whole day and warns only from the day after', () => {
    const deadlines = meetingNoticeDeadlines(new WorkingDayCalendar(), '2024-02-02', periods);
    expect(deadlines).toEqual({ agenda: '2024-01-29', material: '2024-01-30' });
    expect(noticeDeadlinePassed(deadlines.agenda, '2024-01-29')).toBe(false);
    expect(agendaNoticeWarning(deadlines, '2024-01-29')).toBeNull();
    expect(agendaNoticeWarning(deadlines, '2024-01-30')).toMatchObject({ code: 'agenda_notice_not_met', deadline: '2024-01-29' });
    expect(materialNoticeWarning(deadlines, '2024-01-30')).toBeNull();
    expect(materialNoticeWarning(deadlines, '2024-01-31')).toMatchObject({ code: 'material_notice_not_met', deadline: '2024-01-30' });
  });
});
