import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/database';
import { type IsoDate, type MembershipRole, todayInCopenhagen } from '@app/domain';
import { CommitteeCalendarSql, SeatSql } from '@app/committees';
import { type MailRecipient, MailRecipientRepository } from '@app/people';

/** A phase as the reminder of its end reads it when due. */
export interface PhaseForReminder {
  id: string;
  state: string;
  title: string;
  endDate: IsoDate;
  committeeId: string;
  committeeName: string;
}

/** The reads of the reminder of a phase about to end. */
@Injectable()
export class PhaseReminderRepository {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly recipients: MailRecipientRepository,
  ) {}

  async find(id: string): Promise<PhaseForReminder | undefined> {
    const [phase]: PhaseForReminder[] = await this.unitOfWork.outside.query(
      `SELECT p.id, p.state, p.title, to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", p.committee_id AS "committeeId", cal.name AS "committeeName"
         FROM phase p ${CommitteeCalendarSql.join('cal', 'p.committee_id')}
        WHERE p.id = $1`,
      [id],
    );
    return phase;
  }

  /** Who holds one of the roles in the committee today; each person once, however many of the roles they hold. */
  seated(committeeId: string, roles: readonly MembershipRole[]): Promise<MailRecipient[]> {
    return this.recipients.among(SeatSql.personIdsSeatedAs('$1', '$2', '$3::text[]'), [committeeId, todayInCopenhagen(), roles]);
  }
}
