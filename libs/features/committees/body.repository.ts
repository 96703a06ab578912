import { Injectable } from '@nestjs/common';
import { findOrFail, type FindOrFailOptions, type ListOrder, type PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { Body } from './body.entity.js';

const BODY_ORDER: ListOrder = { keys: [['b.name', 'text'], ['b.id', 'uuid']] };

export type BodyValues = Partial<Pick<Body, 'name' | 'kind' | 'electionTermStart' | 'electionTermEnd' | 'closedDays'>>;

/** The body table: municipalities and regions with their councils' election terms. */
@Injectable()
export class BodyRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The body, or a 404 naming it (by the request field that named the id, when given); `lock` holds its row. */
  findOrFail(id: string, tx: Transaction = this.unitOfWork.outside, options: Pick<FindOrFailOptions, 'field' | 'lock'> = {}): Promise<Body> {
    return findOrFail(tx, Body, id, options);
  }

  /** By name, then id. */
  /** A page of the bodies, by name and then id. */
  page(page: { after: PagePosition | null; limit: number }): Promise<{ entity: Body; position: PagePosition }[]> {
    return readKeysetPage(this.unitOfWork.outside.createQueryBuilder(Body, 'b'), BODY_ORDER, page);
  }

  async insert(tx: Transaction, values: BodyValues): Promise<string> {
    const { identifiers } = await tx.insert(Body, values);
    return identifiers[0].id as string;
  }

  async update(tx: Transaction, id: string, changes: BodyValues): Promise<void> {
    await tx.update(Body, id, changes);
  }
}
