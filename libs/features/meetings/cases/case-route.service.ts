import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { type Actor, pageOfPositioned, type PageQueryDto, pageRequest } from '@app/core';
import { copenhagenDate, DomainError, PUBLIC_MEETING_STATES } from '@app/domain';
import type { CaseRouteDto, CaseRouteStepDto } from './case-route.dto.js';
import { type CaseItemRow, CaseRouteRepository } from './case-route.repository.js';

/**
 * A case's route through the committees ("sendes til beslutning i Byrådet via § 17.4-udvalget og PKØ-udvalget"):
 * every item with the case number that the caller may see, in meeting order, linked by the referrals between them.
 * An item the caller may not see (a closed item, or one not yet on a published agenda, of a committee they may not
 * read) is left out entirely; a case with no item they may see answers the same 404 as a number no item has.
 */
@Injectable()
export class CaseRouteService {
  constructor(
    private readonly cases: CaseRouteRepository,
    private readonly access: AccessService,
  ) {}

  async route(actor: Actor, caseNumber: string, query: PageQueryDto): Promise<CaseRouteDto> {
    const wanted = caseNumber.trim();
    const page = pageRequest(query, { caseNumber: wanted });
    // Of another committee's items only what the public pages show: open items once their agenda is published.
    const reader = { readableCommitteeIds: this.access.readableCommitteeIds(actor), publicStates: PUBLIC_MEETING_STATES };
    const rows = await this.cases.visibleItemsOfCase(wanted, reader, page);
    if (rows.length === 0 && !page.after) throw new DomainError('not-found', 'case_not_found', `No agenda item has the case number ${wanted}`, { caseNumber: wanted });
    return { caseNumber: wanted, ...pageOfPositioned(rows, page.limit, page.filters, (row) => this.step(actor, row)) };
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
      // Of another committee's item only what its public pages show (the only such items shown): where it is, its
      // title, and its decision once the minutes that record it are published.
      return { ...where, readable: false, title: row.title, ...(row.minutesPublic && !row.closed ? { decision: row.decision } : {}) };
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
