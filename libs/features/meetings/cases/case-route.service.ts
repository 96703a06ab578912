import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import { copenhagenDate, DomainError } from '@app/domain';
import type { CaseRouteDto, CaseRouteStepDto } from './case-route.dto.js';
import { IS_PUBLIC_MEETING_STATE } from '../public/public-meeting.service.js';

interface CaseItemRow {
  id: string;
  referredFromItemId: string | null;
  committeeId: string;
  committeeName: string;
  meetingId: string;
  meetingStartsAt: Date;
  meetingState: string;
  number: number;
  state: string;
  closed: boolean;
  title: string;
  summary: string | null;
  recommendation: string | null;
  decision: string | null;
}

/**
 * A case's route through the committees ("sendes til beslutning i Byrådet via § 17.4-udvalget og PKØ-udvalget"):
 * every item with the case number, in meeting order, linked by the referrals between them.
 */
@Injectable()
export class CaseRouteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async route(actor: Actor, caseNumber: string): Promise<CaseRouteDto> {
    const wanted = caseNumber.trim();
    const rows: CaseItemRow[] = await this.dataSource.query(
      `SELECT i.id, i.referred_from_item_id AS "referredFromItemId", m.committee_id AS "committeeId", c.name AS "committeeName",
              m.id AS "meetingId", m.starts_at AS "meetingStartsAt", m.state AS "meetingState", i.number, i.state, i.closed, i.title, i.summary, i.recommendation, i.decision
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id JOIN committee c ON c.id = m.committee_id
        WHERE i.case_number = $1
        ORDER BY m.starts_at, i.number, i.id`,
      [wanted],
    );
    if (rows.length === 0) throw new DomainError('not-found', 'case_not_found', `No agenda item has the case number ${wanted}`, { caseNumber: wanted });
    return { caseNumber: wanted, items: rows.map((row) => this.step(actor, row)) };
  }

  private step(actor: Actor, row: CaseItemRow): CaseRouteStepDto {
    const where = {
      id: row.id,
      referredFromItemId: row.referredFromItemId,
      committeeId: row.committeeId,
      committeeName: row.committeeName,
      meetingDate: copenhagenDate(new Date(row.meetingStartsAt)),
      number: row.number,
      state: row.state,
      closed: row.closed,
    };
    if (!this.mayRead(actor, row.committeeId)) {
      // Of another committee's item only what its public agenda shows: the title of an open item, once published.
      const onPublicAgenda = !row.closed && IS_PUBLIC_MEETING_STATE.has(row.meetingState);
      return { ...where, readable: false, ...(onPublicAgenda ? { title: row.title } : {}) };
    }
    return {
      ...where,
      readable: true,
      title: row.title,
      meetingId: row.meetingId,
      meetingStartsAt: row.meetingStartsAt,
      summary: row.summary,
      recommendation: row.recommendation,
      decision: row.decision,
    };
  }

  /** The same rule as every other read of a committee's meetings, asked rather than enforced. */
  private mayRead(actor: Actor, committeeId: string): boolean {
    try {
      this.access.assertCommitteeReader(actor, committeeId);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'forbidden') return false;
      throw error;
    }
  }
}
