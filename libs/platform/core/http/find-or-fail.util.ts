import { DomainError, type ErrorCode, type NotFoundRecord } from '@app/domain';
import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

export interface FindOrFailOptions {
  /** The request field that named the id (e.g. `parentId`); the 404 then says which field was wrong. */
  field?: string;
  /** A row lock for a read-modify-write; `for_no_key_update` does not block inserts that merely reference the row. */
  lock?: 'for_no_key_update' | 'pessimistic_read';
  /** Columns marked `select: false` that the caller needs. */
  addSelect?: string[];
}

/** Loads one row by id, or refuses with a 404 that names what was missing. */
export async function findOrFail<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, id: string, options: FindOrFailOptions = {}): Promise<T> {
  const query = manager.createQueryBuilder(entity, 'row').where('row.id = :id', { id });
  for (const column of options.addSelect ?? []) query.addSelect(`row.${column}`);
  if (options.lock) query.setLock(options.lock);
  const row = await query.getOne();
  if (row) return row;
  // Named by the table, one of the records the catalogue lists (NOT_FOUND_RECORDS).
  const what = manager.connection.getMetadata(entity).tableName as NotFoundRecord;
  if (!options.field) throw DomainError.notFound(what, id);
  throw new DomainError('not-found', `${what}_not_found` as ErrorCode<'not-found'>, `${options.field} names no ${what}: there is none with id ${id}`, { field: options.field, id });
}
