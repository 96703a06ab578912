import type { IsoDate } from './dates.js';
import type { WorkingDayCalendar } from './working-days.js';

/** The reminders the system sends on its own, each about one subject (a meeting, a kommissorium, a phase). */
export const REMINDER_KINDS = ['agenda-deadline', 'commission-approval', 'phase-ending', 'minutes-unsigned'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How many working days (hverdage) each reminder lies from the date it is about. */
export interface ReminderOffsets {
  /** Before the agenda's notice deadline: the secretary still has a working day to publish. */
  agendaDeadline: number;
  /** After submission, for a kommissorium without its own approval deadline. */
  commissionApproval: number;
  /** Before an active phase's last day. */
  phaseEnding: number;
  /** After the meeting, for minutes still unsigned. */
  minutesUnsigned: number;
}

export const DEFAULT_REMINDER_OFFSETS: Readonly<ReminderOffsets> = { agendaDeadline: 1, commissionApproval: 5, phaseEnding: 10, minutesUnsigned: 5 };

/**
 * The last day members may receive the agenda: `noticeWorkingDays` working days before the meeting
 * (Kommunestyrelsesloven § 8, stk. 4 gives the council 4; each committee keeps its own number).
 */
export function agendaNoticeDeadline(calendar: WorkingDayCalendar, meetingDate: IsoDate, noticeWorkingDays: number): IsoDate {
  return calendar.workingDaysBefore(meetingDate, noticeWorkingDays);
}

/** The day to remind the secretary and chair of an agenda not yet published: a working day before its deadline by default. */
export function agendaDeadlineReminderDay(calendar: WorkingDayCalendar, meetingDate: IsoDate, noticeWorkingDays: number, offsets: ReminderOffsets): IsoDate {
  return calendar.workingDaysBefore(agendaNoticeDeadline(calendar, meetingDate, noticeWorkingDays), offsets.agendaDeadline);
}

/**
 * The day to remind the directors of a kommissorium awaiting approval: on its approval deadline (the working day
 * before, when the deadline falls on a closed day), or, without one, some working days after it was submitted.
 */
export function commissionApprovalReminderDay(calendar: WorkingDayCalendar, submittedOn: IsoDate, approvalDeadline: IsoDate | null, offsets: ReminderOffsets): IsoDate {
  return approvalDeadline ? calendar.workingDayOnOrBefore(approvalDeadline) : calendar.workingDaysAfter(submittedOn, offsets.commissionApproval);
}

/** The day to tell the secretary and chair that an active phase is about to end. */
export function phaseEndingReminderDay(calendar: WorkingDayCalendar, endDate: IsoDate, offsets: ReminderOffsets): IsoDate {
  return calendar.workingDaysBefore(endDate, offsets.phaseEnding);
}

/** The day to remind the secretary of minutes still unsigned after the meeting. */
export function minutesUnsignedReminderDay(calendar: WorkingDayCalendar, meetingDate: IsoDate, offsets: ReminderOffsets): IsoDate {
  return calendar.workingDaysAfter(meetingDate, offsets.minutesUnsigned);
}
