import {
  agendaDeadlineReminderDay,
  agendaNoticeDeadline,
  commissionApprovalReminderDay,
  DEFAULT_REMINDER_OFFSETS,
  minutesUnsignedReminderDay,
  phaseEndingReminderDay,
} from '../reminder-schedule.js';
import { WorkingDayCalendar } from '../working-days.js';

describe('when reminders fall', () => {
  const calendar = new WorkingDayCalendar();
  const offsets = DEFAULT_REMINDER_OFFSETS;

  it('reminds of an unpublished agenda one working day before its notice deadline', () => {
    // Friday 2 February 2024: members must have the agenda by Monday 29 January; the reminder comes on Friday 26th.
    expect(agendaNoticeDeadline(calendar, '2024-02-02', 4)).toBe('2024-01-29');
    expect(agendaDeadlineReminderDay(calendar, '2024-02-02', 4, offsets)).toBe('2024-01-26');
  });

  it('counts the agenda deadline around Easter, Christmas and Grundlovsdag', () => {
    // Tuesday 2 April 2024, after Easter: Thursday 28 March to Monday 1 April are closed.
    expect(agendaNoticeDeadline(calendar, '2024-04-02', 4)).toBe('2024-03-22');
    expect(agendaDeadlineReminderDay(calendar, '2024-04-02', 4, offsets)).toBe('2024-03-21');
    // Thursday 2 January 2025: 24-26 and 31 December and 1 January are closed.
    expect(agendaNoticeDeadline(calendar, '2025-01-02', 4)).toBe('2024-12-20');
    expect(agendaDeadlineReminderDay(calendar, '2025-01-02', 4, offsets)).toBe('2024-12-19');
    // Monday 10 June 2024: Wednesday 5 June (Grundlovsdag) is closed.
    expect(agendaNoticeDeadline(calendar, '2024-06-10', 4)).toBe('2024-06-03');
    // A committee with a shorter notice, and configuration asking for two days' warning.
    expect(agendaDeadlineReminderDay(calendar, '2024-06-10', 2, { ...offsets, agendaDeadline: 2 })).toBe('2024-06-03');
  });

  it('reminds the directors on the approval deadline, or five working days after submission without one', () => {
    expect(commissionApprovalReminderDay(calendar, '2024-03-25', '2024-04-10', offsets)).toBe('2024-04-10');
    // A deadline on Easter Monday is really due the Wednesday before.
    expect(commissionApprovalReminderDay(calendar, '2024-03-20', '2024-04-01', offsets)).toBe('2024-03-27');
    // Submitted Monday 25 March 2024: five working days later, past Easter, is Thursday 4 April.
    expect(commissionApprovalReminderDay(calendar, '2024-03-25', null, offsets)).toBe('2024-04-04');
  });

  it('warns ten working days before an active phase ends', () => {
    // A phase ending with the second quarter of 2024, on a Sunday.
    expect(phaseEndingReminderDay(calendar, '2024-06-30', offsets)).toBe('2024-06-17');
    expect(phaseEndingReminderDay(calendar, '2024-06-30', { ...offsets, phaseEnding: 3 })).toBe('2024-06-26');
    // A phase ending with 2024: the count skips Christmas and New Year's Eve.
    expect(phaseEndingReminderDay(calendar, '2024-12-31', offsets)).toBe('2024-12-12');
  });

  it('reminds of unsigned minutes five working days after the meeting', () => {
    expect(minutesUnsignedReminderDay(calendar, '2024-12-19', offsets)).toBe('2025-01-02');
  });
});
