import { encodeCursor, offsetAfter } from './cursor.js';
import { toConnection, toOffsetConnection } from './to-connection.js';

describe('cursors', () => {
  it('round-trips: the item after a cursor is the next offset', () => {
    expect(offsetAfter(encodeCursor(0))).toBe(1);
    expect(offsetAfter(encodeCursor(41))).toBe(42);
  });

  it('starts at 0 without a cursor', () => {
    expect(offsetAfter(undefined)).toBe(0);
    expect(offsetAfter(null)).toBe(0);
  });

  it.each(['garbage', encodeCursor(-1), Buffer.from('offset:1.5').toString('base64url'), ''])(
    'rejects the malformed cursor %p with BAD_USER_INPUT on the field',
    (cursor) => {
      expect(() => offsetAfter(cursor, 'members.after')).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'members.after' }),
      );
    },
  );
});

describe('toConnection', () => {
  it('builds edges, cursors and page info for a middle page', () => {
    const page = toConnection(['c', 'd'], 2, 5);
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((edge) => edge.node)).toEqual(['c', 'd']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(2),
      endCursor: encodeCursor(3),
    });
  });

  it('reports an empty last page', () => {
    const page = toConnection([], 5, 5);
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });
});

describe('toOffsetConnection', () => {
  it('drops the extra row, says more follow, and counts only when asked', async () => {
    let counted = 0;
    const page = toOffsetConnection(['c', 'd', 'e'], 2, 2, () => Promise.resolve((counted += 1) && 7));
    expect(page.edges.map((edge) => edge.node)).toEqual(['c', 'd']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor(2),
      endCursor: encodeCursor(3),
    });
    expect(counted).toBe(0);
    expect(typeof page.totalCount === 'function' && (await page.totalCount())).toBe(7);
    expect(counted).toBe(1);
  });

  it('reports the last page of the list', () => {
    expect(toOffsetConnection(['a'], 0, 2, () => Promise.resolve(1)).pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });
});
