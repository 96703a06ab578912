import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { findOrFail, type FindOrFailOptions, type ListOrder, type PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { Phase } from './phase.entity.js';

const PHASE_ORDER: ListOrder = { keys: [['ph.start_date', 'date'], ['ph.created_at', 'timestamptz'], ['ph.id', 'uuid']] };

export type PhaseValues = Partial<Omit<Phase, 'id' | 'committee' | 'rowVersion' | 'createdAt' | 'updatedAt'>>;

/** The phase table: the committee's process plan. */
@Injectable()
export class PhaseRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(id: string, tx: Transaction = this.unitOfWork.outside): Promise<Phase | null> {
    return tx.findOneBy(Phase, { id });
  }

  /** The phase, or a 404 naming it; `lock` holds its row for the transaction. */
  findOrFail(id: string, tx: Transaction = this.unitOfWork.outside, options: Pick<FindOrFailOptions, 'lock'> = {}): Promise<Phase> {
    return findOrFail(tx, Phase, id, options);
  }

  /** The committee's plan in calendar order. */
  ofCommittee(committeeId: string, tx: Transaction = this.unitOfWork.outside): Promise<Phase[]> {
    return tx.find(Phase, { where: { committeeId }, order: { startDate: 'ASC', createdAt: 'ASC' } });
  }

  /** A page of the committee's phases, in time order (start, then when each was planned). */
  pageOfCommittee(committeeId: string, page: { after: PagePosition | null; limit: number }): Promise<{ entity: Phase; position: PagePosition }[]> {
    return readKeysetPage(this.unitOfWork.outside.createQueryBuilder(Phase, 'ph').where('ph.committee_id = :committeeId', { committeeId }), PHASE_ORDER, page);
  }

  /** The committee's active phase other than the given one, if any. */
  otherActive(phase: Pick<Phase, 'id' | 'committeeId'>, tx: Transaction): Promise<Phase | null> {
    return tx.findOne(Phase, { where: { committeeId: phase.committeeId, state: 'active', id: Not(phase.id) } });
  }

  async insert(tx: Transaction, values: PhaseValues): Promise<string> {
    const { identifiers } = await tx.insert(Phase, values);
    return identifiers[0].id as string;
  }

  /** Changes the phase and raises its row version, so a transition racing the change fails its compare-and-set. */
  async update(tx: Transaction, id: string, changes: PhaseValues): Promise<void> {
    await tx.update(Phase, id, { ...changes, rowVersion: () => 'row_version + 1' });
  }
}
