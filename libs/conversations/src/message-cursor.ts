import { badInput, Connection } from '#tradegraph/common';
import { Message } from './models/message.model.js';

const PREFIX = 'message:';
/** Message places are stored as 32-bit integers; a cursor beyond that was never issued. */
const SEQ_MAX = 2_147_483_647;

/** Message cursors are opaque to clients; inside they hold the message's place in the order of all messages. */
export const encodeMessageCursor = (seq: number): string =>
  Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64url');

/** The place a `before` cursor holds (null without one); BAD_USER_INPUT on a malformed one. */
export function decodeMessageCursor(cursor: string | null | undefined, field = 'before'): number | null {
  if (cursor === undefined || cursor === null) return null;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > SEQ_MAX) throw badInput(field, 'The cursor is not valid.');
  return seq;
}

/** A newest-first page of messages: the next page (older ones) starts `before` its `endCursor`. */
export function toMessageConnection(items: Message[], page: { total: number; newer: number }): Connection<Message> {
  const edges = items.map((node) => ({ node, cursor: encodeMessageCursor(node.seq) }));
  return {
    edges,
    totalCount: page.total,
    pageInfo: {
      hasNextPage: page.newer + items.length < page.total,
      hasPreviousPage: page.newer > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
