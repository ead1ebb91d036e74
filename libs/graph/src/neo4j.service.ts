import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Metrics } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Driver, ManagedTransaction } from 'neo4j-driver';
import { neo4jPoolStats } from './neo4j-pool-stats.js';
import { NEO4J_DRIVER } from './neo4j.tokens.js';
import { toPlain } from './to-plain.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface TxOptions {
  /**
   * The server-side time limit of this transaction, in milliseconds; NEO4J_TX_TIMEOUT_MS by
   * default. Costly network queries pass `neo4j.networkTimeoutMs` (NEO4J_NETWORK_TX_TIMEOUT_MS).
   */
  timeoutMs?: number;
}

/** Runs named statements inside one transaction of readTx/writeTx. */
export interface StatementRunner {
  run<T = Row>(name: string, cypher: string, params?: Params): Promise<T[]>;
}

/** A no-op tracer until the tracing bootstrap (apps/api/src/tracing.ts) has registered the SDK. */
const tracer = trace.getTracer('tradegraph.neo4j');

/**
 * Runs Cypher for the repositories. Reads go through executeRead and writes through
 * executeWrite (retries of transient errors, cluster routing), always naming the database,
 * always with a transaction timeout, and always closing the session. Rows come back as plain objects.
 *
 * Every statement has a stable name, `Repository.method` (with a suffix when a method runs several):
 * it names the statement's trace span and labels its latency histogram. Parameter values are never recorded.
 */
@Injectable()
export class Neo4jService implements OnApplicationShutdown {
  /** The transaction timeout meant for the costly network queries. */
  readonly networkTimeoutMs: number;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.networkTimeoutMs = config.neo4j.networkTransactionTimeoutMs;
    metrics.readNeo4jPool = () => neo4jPoolStats(driver);
  }

  /** One named read statement; each row is the record as a plain object. */
  read<T = Row>(name: string, cypher: string, params: Params = {}, options: TxOptions = {}): Promise<T[]> {
    return this.readTx((tx) => tx.run<T>(name, cypher, params), options);
  }

  /** One named write statement in its own transaction. */
  write<T = Row>(name: string, cypher: string, params: Params = {}, options: TxOptions = {}): Promise<T[]> {
    return this.writeTx((tx) => tx.run<T>(name, cypher, params), options);
  }

  /** Several statements in one read transaction. The work may be retried, so it must have no side effects. */
  async readTx<T>(work: (tx: StatementRunner) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.config.neo4j.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead((tx) => work(this.runner(tx)), this.txConfig(options));
    } finally {
      await session.close();
    }
  }

  /** Several statements in one write transaction, committed together or not at all. */
  async writeTx<T>(work: (tx: StatementRunner) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.config.neo4j.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite((tx) => work(this.runner(tx)), this.txConfig(options));
    } finally {
      await session.close();
    }
  }

  private txConfig(options: TxOptions): { timeout: number } {
    return { timeout: options.timeoutMs ?? this.config.neo4j.transactionTimeoutMs };
  }

  private runner(tx: ManagedTransaction): StatementRunner {
    return { run: (name, cypher, params = {}) => this.run(tx, name, cypher, params) };
  }

  /** One statement: a client span named after it (database, row count), and its latency in the histogram. */
  private run<T>(tx: ManagedTransaction, name: string, cypher: string, params: Params): Promise<T[]> {
    const database = this.config.neo4j.database;
    const attributes = { 'db.system.name': 'neo4j', 'db.namespace': database, 'db.operation.name': name };
    return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const stopTimer = this.metrics.cypherDuration.startTimer({ statement: name });
      try {
        const result = await tx.run(cypher, params);
        span.setAttribute('db.response.returned_rows', result.records.length);
        stopTimer({ outcome: 'ok' });
        return result.records.map((record) => toPlain(record.toObject()) as T);
      } catch (error) {
        stopTimer({ outcome: 'error' });
        const code = (error as { code?: unknown }).code;
        span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'error' });
        if (typeof code === 'string') span.setAttribute('db.response.status_code', code);
        throw error;
      } finally {
        span.end();
      }
    });
  }

  async ping(): Promise<void> {
    await this.read('Neo4jService.ping', 'RETURN 1 AS ok');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}
