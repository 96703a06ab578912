import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { findOrFail, type FindOrFailOptions } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { Phase } from './phase.entity.js';

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
