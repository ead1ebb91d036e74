import { Connection } from './connection.factory.js';
import { encodeCursor } from './cursor.js';

/** Wraps one page of items, fetched from `offset`, into a Relay connection. */
export function toConnection<T>(items: T[], offset: number, totalCount: number): Connection<T> {
  const edges = items.map((node, index) => ({ node, cursor: encodeCursor(offset + index) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * Wraps a page fetched from `offset` with one extra row (up to `first + 1`, which only says that more
 * follow) into a Relay connection whose `totalCount` is counted only when the client selects it.
 */
export function toOffsetConnection<T>(
  rows: T[],
  offset: number,
  first: number,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = toConnection(rows.slice(0, first), offset, 0);
  return { ...page, totalCount, pageInfo: { ...page.pageInfo, hasNextPage: rows.length > first } };
}
