import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { ReferralSource } from './referral-source.entity.js';

/** The committee_referral_source table: which committees each committee receives referred cases from. */
@Injectable()
export class ReferralSourceRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The committee's sources, oldest consent first. */
  of(committeeId: string, tx: Transaction = this.unitOfWork.outside): Promise<ReferralSource[]> {
    return tx.find(ReferralSource, { where: { committeeId }, order: { createdAt: 'ASC', sourceCommitteeId: 'ASC' } });
  }

  /** The committees that receive the committee's referred cases. */
  async receiversOf(sourceCommitteeId: string, tx: Transaction = this.unitOfWork.outside): Promise<string[]> {
    const rows = await tx.find(ReferralSource, { where: { sourceCommitteeId }, select: { committeeId: true } });
    return rows.map((row) => row.committeeId);
  }

  receivesFrom(tx: Transaction, committeeId: string, sourceCommitteeId: string): Promise<boolean> {
    return tx.existsBy(ReferralSource, { committeeId, sourceCommitteeId });
  }

  /** Adds the source unless it is there already; true when it was added. */
  async add(tx: Transaction, committeeId: string, sourceCommitteeId: string): Promise<boolean> {
    const result = await tx.createQueryBuilder().insert().into(ReferralSource).values({ committeeId, sourceCommitteeId }).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** True when there was such a source to remove. */
  async remove(tx: Transaction, committeeId: string, sourceCommitteeId: string): Promise<boolean> {
    const result = await tx.delete(ReferralSource, { committeeId, sourceCommitteeId });
    return (result.affected ?? 0) > 0;
  }
}
