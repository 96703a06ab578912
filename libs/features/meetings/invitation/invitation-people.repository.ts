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

  /**
   * Everyone seated in the committee on the meeting's day and the substitutes called in for the meeting: secretaries
   * first, by seniority in the seat, then by name.
   */
  invitedTo(meeting: { id: string; committeeId: string }, day: IsoDate): Promise<InvitedPerson[]> {
    return this.unitOfWork.outside.query(
      `SELECT p.name, p.email, s.secretary_since AS "secretarySince"
         FROM ${SeatSql.seniorityOn('$1', '$2')} s ${PersonSql.join('p', 's.person_id')}
       UNION ALL
       SELECT p.name, p.email, NULL
         FROM attendance a ${PersonSql.join('p', 'a.person_id')}
        WHERE a.meeting_id = $3 AND a.substitute_for IS NOT NULL
        ORDER BY 3 NULLS LAST, 1`,
      [meeting.committeeId, day, meeting.id],
    );
  }
}
