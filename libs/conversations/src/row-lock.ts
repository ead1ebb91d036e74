import { EntityManager } from 'typeorm';

/**
 * The lock for reading a row that a transaction's write depends on: `FOR UPDATE` on PostgreSQL, so a
 * concurrent change of that row waits for the transaction (or is seen by it). SQLite has no row locks:
 * there the check directly precedes the write in the transaction, and writes that change a state
 * (claiming, closing) are themselves conditional on it, so of concurrent ones exactly one wins.
 */
export function rowLock(tx: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return tx.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' } : undefined;
}
