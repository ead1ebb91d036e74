import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a fast key lookup to a network query near its transaction timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Operation names come from clients: past this many distinct ones, new names are counted as `other`. */
const MAX_OPERATION_NAMES = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

export interface PoolGauges {
  inUse: number;
  idle: number;
  waiting: number;
}

/** Reads a pool's figures at scrape time; undefined when the pool does not exist (yet). */
export type PoolReader = () => PoolGauges | undefined;

/**
 * The Prometheus metrics of one application instance, on its own registry (served at GET /metrics).
 * The gauges are read at scrape time through the readers their owners set (`readNeo4jPool`, `readSqlPool`,
 * `readLiveSubscriptions`).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly requests = new Counter({
    name: 'tradegraph_graphql_requests_total',
    help: 'GraphQL operations over HTTP, by operation name, type and outcome code (OK or the first error code).',
    labelNames: ['operation', 'type', 'outcome'],
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'tradegraph_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation over HTTP to sending its response.',
    labelNames: ['operation', 'type', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly cypherDuration = new Histogram({
    name: 'tradegraph_cypher_duration_seconds',
    help: 'Time of one Cypher statement, by statement name (the repository method) and outcome (ok or error).',
    labelNames: ['statement', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly neo4jPool: Gauge = new Gauge({
    name: 'tradegraph_neo4j_pool_connections',
    help: 'Neo4j driver connections by state: in_use, idle, and waiting (requests queued for a connection).',
    labelNames: ['state'],
    registers: [this.registry],
    collect: (): void => setPool(this.neo4jPool, this.readNeo4jPool?.()),
  });
  readNeo4jPool?: PoolReader;
  readonly sqlPool: Gauge = new Gauge({
    name: 'tradegraph_sql_pool_connections',
    help: 'PostgreSQL pool connections by state: in_use, idle and waiting (absent with SQLite, which has no pool).',
    labelNames: ['state'],
    registers: [this.registry],
    collect: (): void => setPool(this.sqlPool, this.readSqlPool?.()),
  });
  readSqlPool?: PoolReader;
  readonly liveSubscriptions: Gauge = new Gauge({
    name: 'tradegraph_live_subscriptions',
    help: 'GraphQL subscriptions running on this instance (graphql-ws).',
    registers: [this.registry],
    collect: (): void => {
      const count = this.readLiveSubscriptions?.();
      if (count !== undefined) this.liveSubscriptions.set(count);
    },
  });
  readLiveSubscriptions?: () => number;
  readonly rateLimitRefusals = new Counter({
    name: 'tradegraph_rate_limit_refusals_total',
    help: 'Requests refused with RATE_LIMITED, by the limit that refused them.',
    labelNames: ['limit'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records one finished GraphQL operation. */
  recordOperation(operation: string | undefined, type: string, outcome: string, seconds: number): void {
    const labels = { operation: this.operationLabel(operation), type, outcome };
    this.requests.inc(labels);
    this.requestDuration.observe(labels, seconds);
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}

function setPool(gauge: Gauge, pool: PoolGauges | undefined): void {
  if (!pool) return;
  gauge.set({ state: 'in_use' }, pool.inUse);
  gauge.set({ state: 'idle' }, pool.idle);
  gauge.set({ state: 'waiting' }, pool.waiting);
}
