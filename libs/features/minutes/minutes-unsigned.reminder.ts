import { AppConfig, type WebPages } from '@app/config';
import type { Transaction } from '@app/database';
import { copenhagenDate, runningDateTime, minutesUnsignedReminderDay } from '@app/domain';
import { CalendarRepository } from '@app/committees';
import { MeetingReminderRepository, type ScheduledMeeting } from '@app/meetings';
import { type ReminderCheck, type ReminderContent, type ReminderDay, type ReminderKindOf, Reminds, ReminderScheduler, type ScheduledReminder } from '@app/reminders';
import { MinutesReminderRepository } from './minutes-reminder.repository.js';

export interface MinutesUnsignedFacts {
  committeeName: string;
  meetingStartsAt: Date;
  url: string;
}

/** What the secretary is told of minutes still unsigned. */
export function minutesUnsignedReminderContent(facts: MinutesUnsignedFacts): ReminderContent {
  return {
    subject: `Påmindelse: referatet fra ${facts.committeeName} er ikke underskrevet`,
    body: [
      { text: `Referatet fra mødet i ${facts.committeeName} ${runningDateTime(facts.meetingStartsAt)} er endnu ikke underskrevet.` },
      { text: 'Sørg for, at referatet bliver godkendt og underskrevet af dem, der deltog i mødet.' },
    ],
    link: { label: 'Mødet', url: facts.url },
  };
}

/** For a meeting just held: the secretary hears of minutes still unsigned some working days later. */
@Reminds('minutes-unsigned')
export class MinutesUnsignedReminder implements ReminderKindOf<'minutes-unsigned'> {
  private readonly pages: WebPages;

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly calendars: CalendarRepository,
    private readonly meetings: MeetingReminderRepository,
    private readonly minutes: MinutesReminderRepository,
    private readonly config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  async dayOf(tx: Transaction, meeting: ScheduledMeeting): Promise<ReminderDay> {
    const { calendar } = await this.calendars.ofCommittee(meeting.committeeId, tx);
    return { dueOn: minutesUnsignedReminderDay(calendar, copenhagenDate(meeting.startsAt), this.config.reminderOffsets), basis: meeting.startsAt.toISOString() };
  }

  async check({ subjectId, basis }: ScheduledReminder): Promise<ReminderCheck> {
    const meeting = await this.meetings.meeting(subjectId);
    if (!meeting) return { gone: 'the meeting no longer exists' };
    if (meeting.state !== 'held' && meeting.state !== 'closed') return { gone: `the meeting is ${meeting.state}` };
    if (meeting.startsAt.toISOString() !== basis) return { gone: 'the meeting’s time changed; the reminder for it replaced this one' };
    if (await this.minutes.minutesSigned(meeting.id)) return { gone: 'the minutes are signed' };
    return {
      recipients: await this.meetings.seated(meeting.committeeId, ['secretary']),
      listedUnder: meeting.id,
      content: minutesUnsignedReminderContent({ committeeName: meeting.committeeName, meetingStartsAt: meeting.startsAt, url: this.pages.meeting(meeting.id) }),
    };
  }
}
