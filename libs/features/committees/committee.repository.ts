import { Injectable } from '@nestjs/common';
import { type Transaction, UnitOfWork } from '@app/database';
import { DomainError } from '@app/domain';
import { Committee } from './committee.entity.js';

/** The committee table, and the port other features reach committees through. */
@Injectable()
export class CommitteeRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(id: string, tx: Transaction = this.unitOfWork.outside): Promise<Committee | null> {
    return tx.findOneBy(Committee, { id });
  }

  async findOrFail(id: string, tx: Transaction = this.unitOfWork.outside): Promise<Committee> {
    const committee = await this.find(id, tx);
    if (!committee) throw DomainError.notFound('committee', id);
    return committee;
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.unitOfWork.outside.existsBy(Committee, { id }))) throw DomainError.notFound('committee', id);
  }

  /** Takes the committee's row lock for the transaction, so work that must happen one at a time per committee does. */
  async lock(tx: Transaction, id: string): Promise<void> {
    await tx.query('SELECT 1 FROM committee WHERE id = $1 FOR UPDATE', [id]);
  }
}
