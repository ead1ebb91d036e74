import { badInput } from '../errors/domain-error.js';

/**
 * The parts of a keyset cursor: `string` (a name, an id), `number`, or `datetime`, an ISO-8601 instant
 * in UTC (`Z`) with up to nanoseconds, as the graph's `KEY_TIME` fragment writes it.
 */
export type KeyPart = 'string' | 'number' | 'datetime';
type KeyValue<P extends KeyPart> = P extends 'number' ? number : string;
export type KeyValues<S extends readonly KeyPart[]> = { -readonly [I in keyof S]: KeyValue<S[I]> };

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z$/;

/**
 * A keyset cursor: opaque to clients (base64url); inside, the list's kind tag and the sort key of
 * the edge (e.g. `['notifications', createdAt, id]`), so the next page starts strictly after that key.
 */
export function encodeKeyCursor(kind: string, values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...values]), 'utf8').toString('base64url');
}

/**
 * The sort key a cursor of list `kind` holds, in `shape` (null without a cursor). BAD_USER_INPUT on
 * `field` for a malformed cursor, one of another list, or one whose key has another shape.
 */
export function decodeKeyCursor<const S extends readonly KeyPart[]>(
  cursor: string | null | undefined,
  kind: string,
  shape: S,
  field = 'after',
): KeyValues<S> | null {
  if (cursor === undefined || cursor === null) return null;
  const parts = BASE64URL.test(cursor) ? parseJson(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  if (
    !Array.isArray(parts) ||
    parts.length !== shape.length + 1 ||
    parts[0] !== kind ||
    !shape.every((part, i) => fits(part, parts[i + 1]))
  ) {
    throw badInput(field, 'The cursor is not valid.');
  }
  return parts.slice(1) as KeyValues<S>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fits(part: KeyPart, value: unknown): boolean {
  switch (part) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'datetime':
      return typeof value === 'string' && isUtcInstant(value);
  }
}

/** A real calendar instant (no 30 February, no hour 24), so the database never fails to parse it. */
function isUtcInstant(value: string): boolean {
  const match = UTC_INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** Where a list ordered by a timestamp, then id, resumes: strictly after this instant (UTC ISO string) and id. */
export interface TimeKey {
  at: string;
  id: string;
}

/** The key of a cursor of a list ordered by timestamp then id (null without a cursor); errors as decodeKeyCursor. */
export function decodeTimeCursor(cursor: string | null | undefined, kind: string, field = 'after'): TimeKey | null {
  const key = decodeKeyCursor(cursor, kind, ['datetime', 'string'], field);
  return key && { at: key[0], id: key[1] };
}
