import type { IsoDate } from './dates.js';
import { agendaNoticeDeadline } from './reminder-schedule.js';
import type { WorkingDayCalendar } from './working-days.js';

/** A committee's notice periods (Kommunestyrelsesloven § 8, stk. 4): in working days before the meeting. */
export interface NoticePeriods {
  agendaNoticeWorkingDays: number;
  materialNoticeWorkingDays: number;
}

/** The last days members may receive a meeting's agenda and its material (items and Bilag). */
export interface MeetingNoticeDeadlines {
  agenda: IsoDate;
  material: IsoDate;
}

/** A meeting's two notice deadlines, counted on its body's working days as the agenda-deadline reminder counts them. */
export function meetingNoticeDeadlines(calendar: WorkingDayCalendar, meetingDate: IsoDate, periods: NoticePeriods): MeetingNoticeDeadlines {
  return {
    agenda: agendaNoticeDeadline(calendar, meetingDate, periods.agendaNoticeWorkingDays),
    material: agendaNoticeDeadline(calendar, meetingDate, periods.materialNoticeWorkingDays),
  };
}

/** A deadline is met through its whole day: it is past only from the day after. */
export function noticeDeadlinePassed(deadline: IsoDate, today: IsoDate): boolean {
  return today > deadline;
}

export const NOTICE_WARNING_CODES = ['agenda_notice_not_met', 'material_notice_not_met'] as const;
export type NoticeWarningCode = (typeof NOTICE_WARNING_CODES)[number];

/** What an allowed action that misses a notice deadline answers beside its result. */
export interface NoticeWarning {
  code: NoticeWarningCode;
  message: string;
  deadline: IsoDate;
}

/** The warning for an agenda that reaches members after its deadline, or none while it can still be met. */
export function agendaNoticeWarning(deadlines: MeetingNoticeDeadlines, today: IsoDate): NoticeWarning | null {
  if (!noticeDeadlinePassed(deadlines.agenda, today)) return null;
  return {
    code: 'agenda_notice_not_met',
    message: `The agenda should have reached the members by ${deadlines.agenda}; it goes out late (Kommunestyrelsesloven § 8, stk. 4)`,
    deadline: deadlines.agenda,
  };
}

/** The warning for material (an item, a Bilag) added to a published agenda after its deadline: it is marked Eftersendt. */
export function materialNoticeWarning(deadlines: MeetingNoticeDeadlines, today: IsoDate): NoticeWarning | null {
  if (!noticeDeadlinePassed(deadlines.material, today)) return null;
  return {
    code: 'material_notice_not_met',
    message: `The material should have reached the members by ${deadlines.material}; it is sent late and marked Eftersendt on the agenda`,
    deadline: deadlines.material,
  };
}
