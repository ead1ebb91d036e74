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
