import { encodeCursor } from './cursor.js';
import { decodeKeyCursor, encodeKeyCursor } from './key-cursor.js';
import { toKeysetConnection } from './keyset-connection.js';

const SHAPE = ['datetime', 'string'] as const;
const raw = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('keyset cursors', () => {
  it('round-trips the sort key of an edge', () => {
    const cursor = encodeKeyCursor('notifications', ['2025-03-01T10:00:00.123456789Z', 'n-1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeyCursor(cursor, 'notifications', SHAPE)).toEqual(['2025-03-01T10:00:00.123456789Z', 'n-1']);
    expect(
      decodeKeyCursor(encodeKeyCursor('search', [1.25, 'Acme', 'o-1']), 'search', ['number', 'string', 'string']),
    ).toEqual([1.25, 'Acme', 'o-1']);
  });

  it('accepts instants without seconds or fractions', () => {
    expect(decodeKeyCursor(encodeKeyCursor('k', ['2025-03-01T10:00Z', 'x']), 'k', SHAPE)).toEqual([
      '2025-03-01T10:00Z',
      'x',
    ]);
  });

  it('is null without a cursor', () => {
    expect(decodeKeyCursor(undefined, 'k', SHAPE)).toBeNull();
    expect(decodeKeyCursor(null, 'k', SHAPE)).toBeNull();
  });

  it.each([
    ['garbage', 'not base64url JSON'],
    ['', 'empty'],
    ['a+b/', 'not base64url'],
    [encodeCursor(3), 'an offset cursor'],
    [encodeKeyCursor('members', ['2025-03-01T10:00:00Z', 'n-1']), 'a cursor of another list'],
    [encodeKeyCursor('k', ['2025-03-01T10:00:00Z']), 'too few parts'],
    [encodeKeyCursor('k', ['2025-03-01T10:00:00Z', 'n-1', 'extra']), 'too many parts'],
    [encodeKeyCursor('k', ['2025-03-01T10:00:00Z', 7]), 'a number where a string belongs'],
    [encodeKeyCursor('k', ['yesterday', 'n-1']), 'not an instant'],
    [encodeKeyCursor('k', ['2025-02-30T10:00:00Z', 'n-1']), 'no such day'],
    [encodeKeyCursor('k', ['2025-03-01T24:00:00Z', 'n-1']), 'no such hour'],
    [encodeKeyCursor('k', ['2025-03-01T10:00:00+01:00', 'n-1']), 'not UTC'],
    [encodeKeyCursor('k', ['2025-03-01T10:00:00.1234567890Z', 'n-1']), 'beyond nanoseconds'],
    [raw({ kind: 'k' }), 'not a list'],
    [raw(['k', null, 'n-1']), 'a null part'],
  ])('rejects %p (%s) with BAD_USER_INPUT on the field', (cursor) => {
    expect(() => decodeKeyCursor(cursor, 'k', SHAPE, 'members.after')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'members.after' }),
    );
  });

  it('rejects a number part that is not finite', () => {
    expect(() => decodeKeyCursor(Buffer.from('["k",1e999]').toString('base64url'), 'k', ['number'])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
    );
  });
});

describe('toKeysetConnection', () => {
  const rows = ['a', 'b', 'c'].map((node, i) => ({ node, key: [i, node] }));
  const count = () => Promise.resolve(9);

  it('drops the extra row and reports that more follow', async () => {
    const page = toKeysetConnection('k', rows, 2, true, count);
    expect(page.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeKeyCursor('k', [0, 'a']),
      endCursor: encodeKeyCursor('k', [1, 'b']),
    });
    expect(typeof page.totalCount === 'function' ? await page.totalCount() : page.totalCount).toBe(9);
  });

  it('reports the last page, and an empty one', () => {
    expect(toKeysetConnection('k', rows, 3, false, count).pageInfo.hasNextPage).toBe(false);
    expect(toKeysetConnection('k', [], 3, true, count).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
