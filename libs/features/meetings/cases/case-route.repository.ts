import { Injectable } from '@nestjs/common';
import { CommitteeSql } from '@app/committees';
import { keysetSql, type ListOrder, type PagePosition, type Positioned, positionalParameter } from '@app/core';
import { UnitOfWork } from '@app/database';
import type { AgendaItemState, MeetingState } from '@app/domain';

const CASE_ORDER: ListOrder = { keys: [['m.starts_at', 'timestamptz'], ['i.number', 'int'], ['i.id', 'uuid']] };

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
  /** The meeting's minutes are published, so anyone may read the item's decision where the item is open. */
  minutesPublic: boolean;
}

/** The agenda items of one case across the committees, read in one statement. */
@Injectable()
export class CaseRouteRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * A page of the items with the case number that the reader may see, in meeting order: those of the committees
   * they read (`readableCommitteeIds`, null for all), and anyone's open items on an agenda in one of `publicStates`.
   * A link to an item of the case they may not see is left out, as it would name it.
   */
  visibleItemsOfCase(
    caseNumber: string,
    reader: { readableCommitteeIds: readonly string[] | null; publicStates: readonly string[] },
    page: { after: PagePosition | null; limit: number },
  ): Promise<Positioned<CaseItemRow>[]> {
    const parameters: unknown[] = [caseNumber, reader.readableCommitteeIds, reader.publicStates];
    const visible = (item: string, meeting: string) => `($2::uuid[] IS NULL OR ${meeting}.committee_id = ANY($2::uuid[]) OR (NOT ${item}.closed AND ${meeting}.state = ANY($3::text[])))`;
    const keyset = keysetSql(CASE_ORDER, page, positionalParameter(parameters));
    return this.unitOfWork.outside.query(
      `SELECT i.id, CASE WHEN ri.case_number = $1 AND NOT ${visible('ri', 'rm')} THEN NULL ELSE i.referred_from_item_id END AS "referredFromItemId",
              m.committee_id AS "committeeId", c.name AS "committeeName", m.id AS "meetingId", m.starts_at AS "meetingStartsAt", m.state AS "meetingState",
              i.number, i.state, i.closed, i.title, i.summary, i.recommendation, i.decision,
              m.minutes_published_at IS NOT NULL AS "minutesPublic", ${keyset.position} AS "pagePosition"
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id ${CommitteeSql.join('c', 'm.committee_id')}
         LEFT JOIN agenda_item ri ON ri.id = i.referred_from_item_id LEFT JOIN meeting rm ON rm.id = ri.meeting_id
        WHERE i.case_number = $1 AND ${visible('i', 'm')} ${keyset.after ? `AND ${keyset.after}` : ''}
        ORDER BY ${keyset.orderBy} LIMIT ${keyset.limit}`,
      parameters,
    );
  }
}
