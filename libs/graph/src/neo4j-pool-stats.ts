import type { Driver } from 'neo4j-driver';
import type { PoolGauges } from '#tradegraph/common';

interface DriverPool {
  _pools: Record<string, unknown[]>;
  _acquireRequests: Record<string, unknown[]>;
  _activeResourceCounts: Record<string, number>;
}

/**
 * The driver's connection pool figures, summed over servers. neo4j-driver has no public API for
 * them, so this reads its pool's fields (checked by the metrics e2e test) and reports nothing when
 * they are not there: before the first query, or after a driver upgrade that renamed them.
 */
export function neo4jPoolStats(driver: Driver): PoolGauges | undefined {
  const provider = (driver as unknown as { _connectionProvider?: { _connectionPool?: DriverPool } })
    ._connectionProvider;
  const pool = provider?._connectionPool;
  if (!pool?._pools || !pool._acquireRequests || !pool._activeResourceCounts) return undefined;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    inUse: sum(Object.values(pool._activeResourceCounts)),
    idle: sum(Object.values(pool._pools).map((idle) => idle.length)),
    waiting: sum(Object.values(pool._acquireRequests).map((queue) => queue.length)),
  };
}
