import { Injectable } from '@nestjs/common';
import { CommitteeSql } from '@app/committees';
import { UnitOfWork } from '@app/database';
import type { AgendaItemState, MeetingState } from '@app/domain';

/** One item of a case's route, with its meeting and committee. */
export interface CaseItemRow {
  id: string;
  referredFromItemId: string | null;
  committeeId: string;
  committeeName: string;
  meetingId: string;
  meetingStartsAt: Date;
  meetingState: MeetingState;
  number: number;
  state: AgendaItemState;
  closed: boolean;
  title: string;
  summary: string | null;
  recommendation: string | null;
  decision: string | null;
}

/** The agenda items of one case across the committees, read in one statement. */
@Injectable()
export class CaseRouteRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Every item with the case number, in meeting order. */
  itemsOfCase(caseNumber: string): Promise<CaseItemRow[]> {
    return this.unitOfWork.outside.query(
      `SELECT i.id, i.referred_from_item_id AS "referredFromItemId", m.committee_id AS "committeeId", c.name AS "committeeName",
              m.id AS "meetingId", m.starts_at AS "meetingStartsAt", m.state AS "meetingState", i.number, i.state, i.closed, i.title, i.summary, i.recommendation, i.decision
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id ${CommitteeSql.join('c', 'm.committee_id')}
        WHERE i.case_number = $1
        ORDER BY m.starts_at, i.number, i.id`,
      [caseNumber],
    );
  }
}
