import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import type { IsoDate } from '@app/domain';
import { CommitteeCalendarSql } from '@app/committees';

/** A kommissorium as its approval reminder reads it when due. */
export interface CommissionForReminder {
  id: string;
  state: string;
  rowVersion: number;
  title: string;
  version: number;
  approvalDeadline: IsoDate | null;
  committeeName: string;
  /** The committee's body, whose directors are reminded. */
  bodyId: string;
}

/** The commission reads of the reminder of a kommissorium awaiting the directors' approval. */
@Injectable()
export class CommissionReminderRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async find(id: string, tx: Transaction = this.unitOfWork.outside): Promise<CommissionForReminder | undefined> {
    const [commission]: CommissionForReminder[] = await tx.query(
      `SELECT k.id, k.state, k.row_version AS "rowVersion", k.title, k.version, to_char(k.approval_deadline, 'YYYY-MM-DD') AS "approvalDeadline", cal.name AS "committeeName", cal.body_id AS "bodyId"
         FROM commission k ${CommitteeCalendarSql.join('cal', 'k.committee_id')}
        WHERE k.id = $1`,
      [id],
    );
    return commission;
  }
}
