import { DomainError } from '@app/domain';
import { encodeCursor, keysetSql, type ListOrder, pageOf, pageOfPositioned, pageRequest, positionalParameter } from '@app/core';

describe('paging with an opaque cursor', () => {
  const rows = Array.from({ length: 23 }, (_, i) => ({ at: '2026-06-01 10:00:00.123456+00', id: `id-${String(i).padStart(2, '0')}` }));
  /** The rows after a position, in the order (instant, then id) a keyset query reads them. */
  const read = (after: (string | number | null)[] | null, limit: number) =>
    rows.filter((row) => !after || row.at > String(after[0]) || (row.at === after[0] && row.id > String(after[1]))).slice(0, limit);

  it('walks many rows sharing one instant in pages, none skipped or repeated, the filters carried along', () => {
    const seen: string[] = [];
    let request = pageRequest({ limit: 5 }, { action: 'x' as string | undefined });
    for (let pages = 1; ; pages++) {
      const page = pageOf(read(request.after, request.limit + 1), request.limit, (row) => [row.at, row.id], request.filters);
      seen.push(...page.items.map((row) => row.id));
      if (!page.nextCursor) {
        expect(pages).toBe(5);
        break;
      }
      request = pageRequest({ cursor: page.nextCursor, limit: 5 }, { action: undefined });
      expect(request.filters).toEqual({ action: 'x' });
    }
    expect(seen).toEqual(rows.map((row) => row.id));
  });

  it('gives no next cursor when the rows end exactly at a page', () => {
    expect(pageOf(rows.slice(0, 5), 5, (row) => [row.at, row.id], {}).nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out, and one continued with other filters', () => {
    expect(() => pageRequest({ cursor: 'not base64 json' }, {})).toThrow(DomainError);
    expect(() => pageRequest({ cursor: Buffer.from('{"after":1}').toString('base64url') }, {})).toThrow(/cursor/);
    const cursor = encodeCursor(['a', 'b'], { action: 'x' });
    expect(() => pageRequest({ cursor }, { action: 'y' })).toThrow(expect.objectContaining({ code: 'cursor_filters_changed' }));
    expect(pageRequest({ cursor }, { action: 'x' }).after).toEqual(['a', 'b']);
  });

  it('takes 50 by default', () => {
    expect(pageRequest({}, {}).limit).toBe(50);
  });

  describe('the keyset SQL', () => {
    const order: ListOrder = { keys: [['m.starts_at', 'timestamptz'], ['m.id', 'uuid']], descending: true };

    it('continues after the cursor by the keys as a row, one row more than the page, never by OFFSET', () => {
      const parameters: unknown[] = ['committee'];
      const sql = keysetSql(order, { after: ['2026-05-05 07:00:00.123456+00', 'id-9'], limit: 50 }, positionalParameter(parameters));
      expect(sql).toEqual({
        position: 'json_build_array((m.starts_at)::text, (m.id)::text)',
        after: '(m.starts_at, m.id) < ($2::timestamptz, $3::uuid)',
        orderBy: 'm.starts_at DESC, m.id DESC',
        limit: 51,
      });
      expect(parameters).toEqual(['committee', '2026-05-05 07:00:00.123456+00', 'id-9']);
      expect(keysetSql({ ...order, descending: false }, { after: null, limit: 5 }, positionalParameter([]))).toMatchObject({ after: null, orderBy: 'm.starts_at ASC, m.id ASC', limit: 6 });
    });

    it('refuses a cursor of another list, whose position has other keys', () => {
      expect(() => keysetSql(order, { after: ['only-one'], limit: 5 }, positionalParameter([]))).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
      expect(() => keysetSql(order, { after: [1, 'id'], limit: 5 }, positionalParameter([]))).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
    });

    it('leaves the position out of the items', () => {
      const page = pageOfPositioned([{ id: 'a', pagePosition: ['t', 'a'] }, { id: 'b', pagePosition: ['t', 'b'] }], 1, { committeeId: 'c' });
      expect(page.items).toEqual([{ id: 'a' }]);
      expect(pageRequest({ cursor: page.nextCursor! }, {}).after).toEqual(['t', 'a']);
    });
  });
});
