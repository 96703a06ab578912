import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { findOrFail, type FindOrFailOptions, type ListOrder, type PagePosition } from '@app/core';
import { readKeysetPage, type Transaction, UnitOfWork } from '@app/database';
import { DomainError } from '@app/domain';
import { Committee } from './committee.entity.js';

const COMMITTEE_ORDER: ListOrder = { keys: [['c.name', 'text'], ['c.id', 'uuid']] };

/** The committee-to-committee relations a committee names, each of which must not lead back to it. */
export type RelationField = 'parentId' | 'reportsToId';
const RELATION_COLUMNS: Record<RelationField, string> = { parentId: 'parent_id', reportsToId: 'reports_to_id' };

export type CommitteeValues = Partial<Omit<Committee, 'id' | 'body' | 'parent' | 'reportsTo' | 'createdAt' | 'updatedAt'>>;

/** The committee table, and the port other features reach committees through. */
@Injectable()
export class CommitteeRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  find(id: string, tx: Transaction = this.unitOfWork.outside): Promise<Committee | null> {
    return tx.findOneBy(Committee, { id });
  }

  /** The committee, or a 404 naming it (by the request field that named the id, when given); `lock` holds its row. */
  findOrFail(id: string, tx: Transaction = this.unitOfWork.outside, options: Pick<FindOrFailOptions, 'field' | 'lock'> = {}): Promise<Committee> {
    return findOrFail(tx, Committee, id, options);
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.unitOfWork.outside.existsBy(Committee, { id }))) throw DomainError.notFound('committee', id);
  }

  /** Takes the committee's row lock for the transaction, so work that must happen one at a time per committee does. */
  async lock(tx: Transaction, id: string): Promise<void> {
    await tx.query('SELECT 1 FROM committee WHERE id = $1 FOR UPDATE', [id]);
  }

  /** The committees with these ids, for their names. */
  named(ids: readonly string[]): Promise<Pick<Committee, 'id' | 'name'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.unitOfWork.outside.find(Committee, { where: { id: In([...ids]) }, select: { id: true, name: true } });
  }

  /** A page of the committees, by name and then id; `ids` keeps to those committees. */
  page(filter: Partial<Pick<Committee, 'bodyId' | 'kind'>> & { ids?: readonly string[] }, page: { after: PagePosition | null; limit: number }): Promise<{ entity: Committee; position: PagePosition }[]> {
    const query = this.unitOfWork.outside.createQueryBuilder(Committee, 'c');
    if (filter.ids) query.andWhere('c.id = ANY(:ids)', { ids: [...filter.ids] });
    if (filter.bodyId) query.andWhere('c.body_id = :bodyId', { bodyId: filter.bodyId });
    if (filter.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
    return readKeysetPage(query, COMMITTEE_ORDER, page);
  }

  /** The body's temporary committees (Kommunestyrelsesloven § 17, stk. 4), which must end with its election term. */
  temporaryOf(bodyId: string, tx: Transaction): Promise<Committee[]> {
    return tx.find(Committee, { where: { bodyId, kind: 'section-17-4' } });
  }

  /** The body's council (Byråd, Kommunalbestyrelse, Regionsråd): its committee of kind council, the oldest if there were several. */
  councilOf(bodyId: string, tx: Transaction = this.unitOfWork.outside): Promise<Committee | null> {
    return tx.findOne(Committee, { where: { bodyId, kind: 'council' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insert(tx: Transaction, values: CommitteeValues): Promise<string> {
    const { identifiers } = await tx.insert(Committee, values);
    return identifiers[0].id as string;
  }

  async update(tx: Transaction, id: string, changes: CommitteeValues): Promise<void> {
    await tx.update(Committee, id, changes);
  }

  /** The ids the relation leads on to from the committee (its parent's parent and so on), nearest first. */
  async chainFrom(tx: Transaction, field: RelationField, id: string): Promise<string[]> {
    const column = RELATION_COLUMNS[field];
    const chain: { id: string }[] = await tx.query(
      `WITH RECURSIVE chain(id) AS (
         SELECT ${column} FROM committee WHERE id = $1
         UNION SELECT c.${column} FROM committee c JOIN chain ON c.id = chain.id
       ) SELECT id FROM chain WHERE id IS NOT NULL`,
      [id],
    );
    return chain.map((row) => row.id);
  }
}
