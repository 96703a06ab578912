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

/** Where a page ends, in the list's order (the sort key's values, the id last), and the filters it was read with. */
interface CursorBody {
  after: (string | number | null)[];
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
