import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ListOrder, PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { type AgendaItemState, COMMISSION_EDITABLE, COMMISSION_OPEN } from '@app/domain';
import { Commission } from './commission.entity.js';

/** The outcomes of the council's item that decide nothing about the kommissorium, which then waits for another meeting. */
const COUNCIL_ITEM_LEFT_UNDECIDED: ReadonlySet<AgendaItemState> = new Set(['postponed', 'referred']);

const WAITING_ORDER: ListOrder = { keys: [['k.updated_at', 'timestamptz'], ['k.id', 'uuid']] };

const VERSION_ORDER: ListOrder = { keys: [['k.version', 'int'], ['k.id', 'uuid']], descending: true };

export type CommissionContent = Partial<Pick<Commission, 'title' | 'purpose' | 'background' | 'themes' | 'composition' | 'deliverables' | 'approvalDeadline'>>;

/** The commission table: every version of every committee's kommissorium. */
@Injectable()
export class CommissionRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(id: string, tx: Transaction = this.unitOfWork.outside, lock = false): Promise<Commission | null> {
    return tx.findOne(Commission, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findOrFail(id: string, tx: Transaction): Promise<Commission> {
    return tx.findOneByOrFail(Commission, { id });
  }

  latestOf(committeeId: string, tx: Transaction): Promise<Commission | null> {
    return tx.findOne(Commission, { where: { committeeId }, order: { version: 'DESC' } });
  }

  /** A page of the versions of the committee's kommissorium, newest first. */
  versionsOf(committeeId: string, page: { after: PagePosition | null; limit: number }): Promise<{ entity: Commission; position: PagePosition }[]> {
    const query = this.unitOfWork.outside.createQueryBuilder(Commission, 'k').where('k.committee_id = :committeeId', { committeeId });
    return readKeysetPage(query, VERSION_ORDER, page);
  }

  /**
   * A page of the kommissorier awaiting the committee's decision that wait for a meeting, longest waiting first: no
   * agenda carries them, or their item was postponed (udsat) or referred on without a decision.
   */
  waitingForCouncil(councilCommitteeId: string, page: { after: PagePosition | null; limit: number }): Promise<{ entity: Commission; position: PagePosition }[]> {
    const query = this.unitOfWork.outside
      .createQueryBuilder(Commission, 'k')
      .leftJoin('k.councilItem', 'item')
      .where(`k.council_committee_id = :councilCommitteeId AND k.state = 'awaiting-council'`, { councilCommitteeId })
      .andWhere(`(k.council_item_id IS NULL OR item.state IN (:...undecided))`, { undecided: [...COUNCIL_ITEM_LEFT_UNDECIDED] });
    return readKeysetPage(query, WAITING_ORDER, page);
  }

  /** Whether the kommissorium waits for a meeting: awaiting the council, on no agenda or on one that left it undecided. */
  async waitsForMeeting(tx: Transaction, commission: Commission): Promise<boolean> {
    if (commission.state !== 'awaiting-council' || !commission.councilCommitteeId) return false;
    if (!commission.councilItemId) return true;
    const item = await tx
      .createQueryBuilder(Commission, 'k')
      .innerJoin('k.councilItem', 'item')
      .select('item.state', 'state')
      .where('k.id = :id', { id: commission.id })
      .getRawOne<{ state: AgendaItemState }>();
    return !item || COUNCIL_ITEM_LEFT_UNDECIDED.has(item.state);
  }

  async insert(tx: Transaction, values: Partial<Commission>): Promise<string> {
    const { identifiers } = await tx.insert(Commission, values);
    return identifiers[0].id as string;
  }

  /** Changes an editable version (a draft), compare-and-set on its row version when one is given; false when nothing matched. */
  async updateDraft(tx: Transaction, id: string, content: CommissionContent, rowVersion?: number): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(Commission)
      .set({ ...content, rowVersion: () => 'row_version + 1' })
      .where('id = :id AND state IN (:...editable)', { id, editable: [...COMMISSION_EDITABLE] })
      .andWhere(rowVersion ? 'row_version = :rowVersion' : 'TRUE', { rowVersion })
      .execute();
    return result.affected === 1;
  }

  /** Where the council decides the version: its committee, and the item on its meeting once one is planned. */
  async placeWithCouncil(tx: Transaction, id: string, place: Pick<Commission, 'councilCommitteeId' | 'councilItemId'>): Promise<void> {
    await tx.update(Commission, { id }, place);
  }

  /** The versions with the council's committee, item and the item's meeting loaded, for what the API shows of the council's part. */
  withCouncil(ids: readonly string[]): Promise<Commission[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.unitOfWork.outside
      .createQueryBuilder(Commission, 'k')
      .leftJoinAndSelect('k.councilCommittee', 'council')
      .leftJoinAndSelect('k.councilItem', 'item')
      .leftJoinAndSelect('item.meeting', 'meeting')
      .where('k.id = ANY(:ids)', { ids: [...ids] })
      .andWhere('k.council_committee_id IS NOT NULL')
      .getMany();
  }

  hasOpenAmendment(id: string, tx: Transaction): Promise<boolean> {
    return tx.exists(Commission, { where: { previousVersionId: id, state: In([...COMMISSION_OPEN]) } });
  }

  /** The open amendments of the given versions, as (id, the version it amends). */
  openAmendmentsOf(ids: readonly string[]): Promise<Pick<Commission, 'id' | 'previousVersionId'>[]> {
    return this.unitOfWork.outside.find(Commission, { where: { previousVersionId: In([...ids]), state: In([...COMMISSION_OPEN]) }, select: { id: true, previousVersionId: true } });
  }
}
