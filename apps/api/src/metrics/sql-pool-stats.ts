import type { PoolGauges } from '#tradegraph/common';
import type { DataSource } from 'typeorm';

/** The figures pg.Pool keeps itself. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The PostgreSQL pool's figures; undefined for SQLite, which has one connection and no pool. */
export function sqlPoolStats(sql: DataSource): PoolGauges | undefined {
  if (sql.options.type !== 'postgres' || !sql.isInitialized) return undefined;
  const pool = (sql.driver as unknown as { master?: PgPool }).master;
  if (!pool) return undefined;
  return { inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
