import { describe, expect, it } from 'vitest';
import { allPages, type Page } from './pages';

describe('reading the whole of a small list', () => {
  it('follows the cursors to the last page, asking for each page once and in order', async () => {
    const pages: Record<string, Page<number>> = {
      first: { items: [1, 2], nextCursor: 'a' },
      a: { items: [3, 4], nextCursor: 'b' },
      b: { items: [5], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const items = await allPages(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'first'];
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'a', 'b']);
  });

  it('stops at an empty first page', async () => {
    expect(await allPages(async () => ({ items: [], nextCursor: null }))).toEqual([]);
  });
});
