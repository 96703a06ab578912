import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import { copenhagenDate, DomainError, MEETING_PUBLIC } from '@app/domain';
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

  async route(actor: Actor, caseNumber: string): Promise<CaseRouteDto> {
    const wanted = caseNumber.trim();
    const rows = await this.cases.itemsOfCase(wanted);
    const visible = rows.filter((row) => this.mayRead(actor, row.committeeId) || this.onPublicAgenda(row));
    if (visible.length === 0) throw new DomainError('not-found', 'case_not_found', `No agenda item has the case number ${wanted}`, { caseNumber: wanted });
    const hidden = new Set(rows.filter((row) => !visible.includes(row)).map((row) => row.id));
    return { caseNumber: wanted, items: visible.map((row) => this.step(actor, row, hidden)) };
  }

  /** What anyone may see of another committee's item: an open item once its agenda is published, as the public pages show it. */
  private onPublicAgenda(row: CaseItemRow): boolean {
    return !row.closed && MEETING_PUBLIC.has(row.meetingState);
  }

  private step(actor: Actor, row: CaseItemRow, hidden: ReadonlySet<string>): CaseRouteStepDto {
    const where = {
      id: row.id,
      // A link to an item left out would name it.
      referredFromItemId: row.referredFromItemId !== null && hidden.has(row.referredFromItemId) ? null : row.referredFromItemId,
      committeeId: row.committeeId,
      committeeName: row.committeeName,
      meetingDate: copenhagenDate(new Date(row.meetingStartsAt)),
      number: row.number,
      state: row.state,
      closed: row.closed,
    };
    if (!this.mayRead(actor, row.committeeId)) {
      // Of another committee's item only what its public agenda shows (the only such items shown): where it is, and its title.
      return { ...where, readable: false, title: row.title };
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
