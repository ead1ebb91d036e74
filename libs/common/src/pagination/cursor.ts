import { badInput } from '../errors/domain-error.js';

const PREFIX = 'offset:';

/** Cursors are opaque to clients; inside they hold the zero-based position of an edge. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The offset of the first item after `cursor` (0 without a cursor); BAD_USER_INPUT on a malformed one. */
export function offsetAfter(cursor: string | null | undefined, field = 'after'): number {
  if (cursor === undefined || cursor === null) return 0;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw badInput(field, 'The cursor is not valid.');
  return offset + 1;
}
