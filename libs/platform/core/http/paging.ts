import { type Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '@app/domain';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** `limit` and `cursor`, the paging of every list; a list's filters extend it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'How many items a page holds' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the page before; it carries that page’s filters, so none need be sent again' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  cursor?: string;
}

/** One page of a list, in its stable order; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Where a page ends in a list's order: the sort key's values, the id last. */
export type PagePosition = (string | number | null)[];

/** Where a page ends, in the list's order (the sort key's values, the id last), and the filters it was read with. */
interface CursorBody {
  after: PagePosition;
  filters: Record<string, unknown>;
}

/** An opaque cursor: clients pass it back unchanged. */
export function encodeCursor(after: CursorBody['after'], filters: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ after, filters } satisfies CursorBody)).toString('base64url');
}

function invalidCursor(): DomainError {
  return DomainError.invalid('invalid_cursor', 'The cursor is not one this list gave out; start again without it');
}

/**
 * The page a request asks for: its size, the filters (a cursor's, which the request may repeat but not change) and
 * where to continue (null for the first page).
 */
export function pageRequest<F extends Record<string, unknown>>(query: PageQueryDto, filters: F): { limit: number; filters: F; after: CursorBody['after'] | null } {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!query.cursor) return { limit, filters, after: null };
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw invalidCursor();
  }
  if (!body || !Array.isArray(body.after) || typeof body.filters !== 'object' || body.filters === null) throw invalidCursor();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && JSON.stringify(value) !== JSON.stringify(body.filters[name])) {
      throw DomainError.invalid('cursor_filters_changed', `The cursor was given out for other filters (${name}); start again without it to change them`);
    }
  }
  return { limit, filters: body.filters as F, after: body.after };
}

/**
 * The page from rows read with `limit + 1`: the extra row only tells that there is a next page, which continues
 * after the last row kept (`positionOf` gives its sort key's values).
 */
export function pageOf<R, T = R>(rows: R[], limit: number, positionOf: (row: R) => CursorBody['after'], filters: Record<string, unknown>, toItem: (row: R) => T = (row) => row as unknown as T): Page<T> {
  const kept = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(positionOf(kept[kept.length - 1]), filters) : null;
  return { items: kept.map(toItem), nextCursor };
}

/**
 * A list's stable order for keyset paging: SQL expressions with the type a cursor's value is cast back to, the row's
 * unique id last, all ascending or all descending. None of them may be null.
 */
export interface ListOrder {
  keys: readonly (readonly [expression: string, type: string])[];
  descending?: boolean;
}

/** A row read through keysetSql: the list's columns and, in `pagePosition` (its `position`), where the list continues after it. */
export type Positioned<T> = T & { pagePosition: PagePosition };

/**
 * The SQL of one page of a list read by its keys, never by OFFSET: `position` for the select list (the keys as
 * text, to the microsecond, as one JSON array), `after` for the WHERE (null on the first page), `orderBy` and `limit`
 * (one row more than the page, which only tells that a next page exists). `bind` gives a value's placeholder.
 */
export function keysetSql(order: ListOrder, page: { after: PagePosition | null; limit: number }, bind: (value: unknown) => string): { position: string; after: string | null; orderBy: string; limit: number } {
  const direction = order.descending ? 'DESC' : 'ASC';
  const position = `json_build_array(${order.keys.map(([expression]) => `(${expression})::text`).join(', ')})`;
  let after: string | null = null;
  if (page.after) {
    if (page.after.length !== order.keys.length || page.after.some((value) => typeof value !== 'string')) throw invalidCursor();
    const placeholders = order.keys.map(([, type], index) => `${bind(page.after![index])}::${type}`);
    after = `(${order.keys.map(([expression]) => expression).join(', ')}) ${order.descending ? '<' : '>'} (${placeholders.join(', ')})`;
  }
  return { position, after, orderBy: order.keys.map(([expression]) => `${expression} ${direction}`).join(', '), limit: page.limit + 1 };
}

/** `bind` for keysetSql that appends to a statement's positional parameters ($1, $2, ...). */
export function positionalParameter(parameters: unknown[]): (value: unknown) => string {
  return (value) => `$${parameters.push(value)}`;
}

/** The page from rows read through keysetSql, each continuing where its `pagePosition` says. */
export function pageOfPositioned<T, I = T>(rows: Positioned<T>[], limit: number, filters: Record<string, unknown>, toItem: (row: T) => I = (row) => row as unknown as I): Page<I> {
  return pageOf(rows, limit, (row) => row.pagePosition, filters, ({ pagePosition: _position, ...row }) => toItem(row as unknown as T));
}

const PAGE_CLASSES = new Map<ClassType, ClassType>();

/** The OpenAPI shape of a page of `item`: `{items, nextCursor}`. */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  const known = PAGE_CLASSES.get(item);
  if (known) return known as ClassType<Page<T>>;
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) nextCursor: string | null;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  PAGE_CLASSES.set(item, PageOfItems);
  return PageOfItems;
}
