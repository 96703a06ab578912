import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import { copenhagenDate, DomainError, MEETING_PUBLIC } from '@app/domain';
import type { CaseRouteDto, CaseRouteStepDto } from './case-route.dto.js';
import { type CaseItemRow, CaseRouteRepository } from './case-route.repository.js';

/**
 * A case's route through the committees ("sendes til beslutning i Byrådet via § 17.4-udvalget og PKØ-udvalget"):
 * every item with the case number, in meeting order, linked by the referrals between them.
 */
@Injectable()
export class CaseRouteService {
  constructor(
    private readonly cases: CaseRouteRepository,
    private readonly access: AccessService,
  ) {}

  async route(actor: Actor, caseNumber: string): Promise<CaseRouteDto> {
    const wanted = caseNumber.trim();
    const rows = await this.cases.itemsOfCase(wanted);
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
      const onPublicAgenda = !row.closed && MEETING_PUBLIC.has(row.meetingState);
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
