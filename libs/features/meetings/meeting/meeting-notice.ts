import { Injectable } from '@nestjs/common';
import { CalendarRepository } from '@app/committees';
import type { Transaction } from '@app/database';
import {
  agendaNoticeWarning,
  copenhagenDate,
  type IsoDate,
  materialNoticeWarning,
  type MeetingNoticeDeadlines,
  meetingNoticeDeadlines,
  type NoticeWarning,
  todayInCopenhagen,
} from '@app/domain';

/** A meeting as its notice is counted: its day and its committee's notice periods and calendar. */
export interface NoticedMeeting {
  committeeId: string;
  startsAt: Date | string;
}

/**
 * Whether members get a meeting's agenda and material in time (Kommunestyrelsesloven § 8, stk. 4). Late is allowed
 * "as far as possible": the answer carries a warning, and late material is marked Eftersendt.
 */
@Injectable()
export class MeetingNotice {
  constructor(private readonly calendars: CalendarRepository) {}

  async deadlines(tx: Transaction, meeting: NoticedMeeting): Promise<MeetingNoticeDeadlines> {
    const { calendar, agendaNoticeWorkingDays, materialNoticeWorkingDays } = await this.calendars.ofCommittee(meeting.committeeId, tx);
    return meetingNoticeDeadlines(calendar, copenhagenDate(new Date(meeting.startsAt)), { agendaNoticeWorkingDays, materialNoticeWorkingDays });
  }

  /**
   * The warnings of an agenda that reaches the members on `sentOn` after its deadline: today, for an agenda going
   * out now or one that can go out no earlier.
   */
  async agendaWarnings(tx: Transaction, meeting: NoticedMeeting, sentOn: IsoDate = todayInCopenhagen()): Promise<NoticeWarning[]> {
    const warning = agendaNoticeWarning(await this.deadlines(tx, meeting), sentOn);
    return warning ? [warning] : [];
  }

  /** The warning of material reaching a published agenda today, after its deadline; null when it is in time. */
  async materialWarning(tx: Transaction, meeting: NoticedMeeting): Promise<NoticeWarning | null> {
    return materialNoticeWarning(await this.deadlines(tx, meeting), todayInCopenhagen());
  }
}
