import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { WorkingDayCalendar } from '@app/domain';

/**
 * A committee with its body's working-day calendar, for statements of other features that must stay one statement
 * (a reminder's reason check): joins, as `alias`, the row (name, body_id, agenda_notice_working_days, closed_days) of the
 * committee `committeeId` names (an SQL expression of the composing statement).
 */
export const CommitteeCalendarSql = {
  join: (alias: string, committeeId: string): string =>
    `JOIN LATERAL (SELECT c.name, c.body_id, c.agenda_notice_working_days, b.closed_days FROM committee c JOIN body b ON b.id = c.body_id WHERE c.id = ${committeeId}) ${alias} ON true`,
};

export interface CommitteeCalendar {
  /** The working days of the committee's body: weekends, public holidays and the body's closed days excluded. */
  calendar: WorkingDayCalendar;
  agendaNoticeWorkingDays: number;
  materialNoticeWorkingDays: number;
}

/** The working-day calendar the deadlines and reminders of a committee are counted on. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async ofCommittee(committeeId: string, tx: Transaction = this.unitOfWork.outside): Promise<CommitteeCalendar> {
    const [row]: { closed_days: string[]; agenda_notice_working_days: number; material_notice_working_days: number }[] = await tx.query(
      `SELECT b.closed_days, c.agenda_notice_working_days, c.material_notice_working_days FROM committee c JOIN body b ON b.id = c.body_id WHERE c.id = $1`,
      [committeeId],
    );
    return {
      calendar: new WorkingDayCalendar(row.closed_days),
      agendaNoticeWorkingDays: row.agenda_notice_working_days,
      materialNoticeWorkingDays: row.material_notice_working_days,
    };
  }
}
