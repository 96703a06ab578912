import { keysetSql, type ListOrder, type PagePosition } from '@app/core';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * One page of entities read through a query builder by keysetSql, each with where the list continues after it; the
 * builder's filters and joins (to-one only, so a row is one entity) are the caller's. The keys name SQL columns.
 */
export async function readKeysetPage<E extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<E>,
  order: ListOrder,
  page: { after: PagePosition | null; limit: number },
): Promise<{ entity: E; position: PagePosition }[]> {
  let bound = 0;
  const keyset = keysetSql(order, page, (value) => {
    const name = `keyset${bound++}`;
    query.setParameter(name, value);
    return `:${name}`;
  });
  query.addSelect(keyset.position, 'page_position');
  if (keyset.after) query.andWhere(keyset.after);
  order.keys.forEach(([expression], index) => (index === 0 ? query.orderBy : query.addOrderBy).call(query, expression, order.descending ? 'DESC' : 'ASC'));
  const { entities, raw } = await query.limit(keyset.limit).getRawAndEntities<{ page_position: PagePosition } & Record<string, unknown>>();
  const positions = new Map(raw.map((row) => [row[`${query.alias}_id`], row.page_position]));
  return entities.map((entity) => ({ entity, position: positions.get(entity.id) as PagePosition }));
}
