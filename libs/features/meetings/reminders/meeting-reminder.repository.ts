import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/database';
import { type MembershipRole, todayInCopenhagen } from '@app/domain';
import { CommitteeCalendarSql, SeatSql } from '@app/committees';
import { type MailRecipient, MailRecipientRepository } from '@app/people';

/** A meeting as the reminders about it read it when due, with its committee's working-day calendar. */
export interface MeetingForReminder {
  id: string;
  state: string;
  startsAt: Date;
  committeeId: string;
  committeeName: string;
  agendaNoticeWorkingDays: number;
  closedDays: string[];
}

/** The reads of the reminders about a meeting: of its agenda still unpublished, of its minutes still unsigned. */
@Injectable()
export class MeetingReminderRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly recipients: MailRecipientRepository,
  ) {}

  async meeting(id: string): Promise<MeetingForReminder | undefined> {
    const [meeting]: MeetingForReminder[] = await this.unitOfWork.outside.query(
      `SELECT m.id, m.state, m.starts_at AS "startsAt", m.committee_id AS "committeeId", cal.name AS "committeeName",
              cal.agenda_notice_working_days AS "agendaNoticeWorkingDays", cal.closed_days AS "closedDays"
         FROM meeting m ${CommitteeCalendarSql.join('cal', 'm.committee_id')}
        WHERE m.id = $1`,
      [id],
    );
    return meeting;
  }

  /** Who holds one of the roles in the committee today; each person once, however many of the roles they hold. */
  seated(committeeId: string, roles: readonly MembershipRole[]): Promise<MailRecipient[]> {
    return this.recipients.among(SeatSql.personIdsSeatedAs('$1', '$2', '$3::text[]'), [committeeId, todayInCopenhagen(), roles]);
  }
}
