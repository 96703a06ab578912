import { Injectable } from '@nestjs/common';
import { SeatSql } from '@app/committees';
import { UnitOfWork } from '@app/database';
import type { CalendarPerson, IsoDate } from '@app/domain';
import { PersonSql } from '@app/people';

/** A person seated on the meeting's day, with the start of their secretary seat, null for those without one. */
export type InvitedPerson = CalendarPerson & { secretarySince: string | null };

/** Who a meeting's calendar invitation names, in one statement over the committee's seats and the people. */
@Injectable()
export class InvitationPeopleRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Everyone seated in the committee on the day: secretaries first, by seniority in the seat, then by name. */
  seatedOn(committeeId: string, day: IsoDate): Promise<InvitedPerson[]> {
    return this.unitOfWork.outside.query(
      `SELECT p.name, p.email, s.secretary_since AS "secretarySince"
         FROM ${SeatSql.seniorityOn('$1', '$2')} s ${PersonSql.join('p', 's.person_id')}
        ORDER BY 3 NULLS LAST, p.name`,
      [committeeId, day],
    );
  }
}
