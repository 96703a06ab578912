import { AppConfig, type WebPages } from '@app/config';
import type { Transaction } from '@app/database';
import {
  agendaDeadlineReminderDay,
  agendaNoticeDeadline,
  copenhagenDate,
  type IsoDate,
  noticeDeadlinePassed,
  runningDate,
  runningDateTime,
  todayInCopenhagen,
  WorkingDayCalendar,
} from '@app/domain';
import { CalendarRepository } from '@app/committees';
import { type ReminderCheck, type ReminderContent, type ReminderDay, type ReminderKindOf, Reminds, ReminderScheduler, type ScheduledReminder } from '@app/reminders';
import { MeetingReminderRepository } from './meeting-reminder.repository.js';

/** A meeting as the reminders about it are scheduled: when and in which committee. */
export interface ScheduledMeeting {
  id: string;
  committeeId: string;
  startsAt: Date;
}

declare module '@app/reminders' {
  interface ReminderSubjects {
    'agenda-deadline': ScheduledMeeting;
  }
}

export interface AgendaDeadlineFacts {
  committeeName: string;
  meetingStartsAt: Date;
  noticeDeadline: IsoDate;
  noticeWorkingDays: number;
  url: string;
}

/** What the secretary and chair are told of an agenda not yet sent out. */
export function agendaDeadlineReminderContent(facts: AgendaDeadlineFacts): ReminderContent {
  return {
    subject: `Påmindelse: dagsordenen til ${facts.committeeName} er ikke udsendt`,
    body: [
      { text: `Dagsordenen til mødet i ${facts.committeeName} ${runningDateTime(facts.meetingStartsAt)} er endnu ikke udsendt.` },
      {
        text: `Medlemmerne skal have dagsordenen senest ${runningDate(facts.noticeDeadline)}, ${facts.noticeWorkingDays} hverdage før mødet (jf. Kommunestyrelsesloven § 8, stk. 4). Godkend og udsend den inden da.`,
      },
    ],
    link: { label: 'Mødet', url: facts.url },
  };
}

/**
 * For a planned meeting: the secretary and chair hear of an agenda still unpublished a working day before its notice
 * deadline. A meeting scheduled (or moved) after that deadline gets no reminder: the answer to the change warned.
 */
@Reminds('agenda-deadline')
export class AgendaDeadlineReminder implements ReminderKindOf<'agenda-deadline'> {
  private readonly pages: WebPages;

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly calendars: CalendarRepository,
    private readonly meetings: MeetingReminderRepository,
    private readonly config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  async dayOf(tx: Transaction, meeting: ScheduledMeeting): Promise<ReminderDay | null> {
    const { calendar, agendaNoticeWorkingDays } = await this.calendars.ofCommittee(meeting.committeeId, tx);
    const meetingDate = copenhagenDate(meeting.startsAt);
    if (noticeDeadlinePassed(agendaNoticeDeadline(calendar, meetingDate, agendaNoticeWorkingDays), todayInCopenhagen())) return null;
    return { dueOn: agendaDeadlineReminderDay(calendar, meetingDate, agendaNoticeWorkingDays, this.config.reminderOffsets), basis: meeting.startsAt.toISOString() };
  }

  async check({ subjectId, basis }: ScheduledReminder): Promise<ReminderCheck> {
    const meeting = await this.meetings.meeting(subjectId);
    if (!meeting) return { gone: 'the meeting no longer exists' };
    if (meeting.state !== 'planned') return { gone: `the meeting is ${meeting.state}: the agenda went out or is no longer needed` };
    if (meeting.startsAt.toISOString() !== basis) return { gone: 'the meeting moved; the reminder for its new time replaced this one' };
    if (meeting.startsAt.getTime() <= Date.now()) return { gone: 'the meeting has begun' };
    const calendar = new WorkingDayCalendar(meeting.closedDays);
    return {
      recipients: await this.meetings.seated(meeting.committeeId, ['secretary', 'chair']),
      listedUnder: meeting.id,
      content: agendaDeadlineReminderContent({
        committeeName: meeting.committeeName,
        meetingStartsAt: meeting.startsAt,
        noticeDeadline: agendaNoticeDeadline(calendar, copenhagenDate(meeting.startsAt), meeting.agendaNoticeWorkingDays),
        noticeWorkingDays: meeting.agendaNoticeWorkingDays,
        url: this.pages.meeting(meeting.id),
      }),
    };
  }
}
