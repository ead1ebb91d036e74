import { Connection } from './connection.factory.js';
import { encodeKeyCursor } from './key-cursor.js';

/** One row of a keyset page: the item and its sort key (what its cursor holds). */
export interface KeyedRow<T> {
  node: T;
  key: (string | number)[];
}

/**
 * Wraps a keyset page into a Relay connection. `rows` holds up to `first + 1` rows: the extra one only
 * says that more follow. `after` is whether the page was asked for after a cursor. `totalCount` is
 * called only when the client selects it (graphql-js calls a function-valued field).
 */
export function toKeysetConnection<T>(
  kind: string,
  rows: KeyedRow<T>[],
  first: number,
  after: boolean,
  totalCount: () => Promise<number>,
): Connection<T> {
  const edges = rows.slice(0, first).map((row) => ({ node: row.node, cursor: encodeKeyCursor(kind, row.key) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
