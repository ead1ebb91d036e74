import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { Driver, ManagedTransaction } from 'neo4j-driver';
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

/**
 * Runs Cypher for the repositories. Reads go through executeRead and writes through
 * executeWrite (retries of transient errors, cluster routing), always naming the database,
 * always with a transaction timeout, and always closing the session. Rows come back as plain objects.
 */
@Injectable()
export class Neo4jService implements OnApplicationShutdown {
  /** The transaction timeout meant for the costly network queries. */
  readonly networkTimeoutMs: number;

  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.networkTimeoutMs = config.neo4j.networkTransactionTimeoutMs;
  }

  /** One read query; each row is the record as a plain object. */
  read<T = Row>(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<T[]> {
    return this.readTx((tx) => runPlain<T>(tx, cypher, params), options);
  }

  /** One write query in its own transaction. */
  write<T = Row>(cypher: string, params: Params = {}, options: TxOptions = {}): Promise<T[]> {
    return this.writeTx((tx) => runPlain<T>(tx, cypher, params), options);
  }

  /** Several statements in one read transaction. The work may be retried, so it must have no side effects. */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.config.neo4j.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead(work, this.txConfig(options));
    } finally {
      await session.close();
    }
  }

  /** Several statements in one write transaction, committed together or not at all. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.config.neo4j.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite(work, this.txConfig(options));
    } finally {
      await session.close();
    }
  }

  private txConfig(options: TxOptions): { timeout: number } {
    return { timeout: options.timeoutMs ?? this.config.neo4j.transactionTimeoutMs };
  }

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

/** Runs one statement inside a transaction and returns plain rows. */
export async function runPlain<T = Row>(tx: ManagedTransaction, cypher: string, params: Params = {}): Promise<T[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => toPlain(record.toObject()) as T);
}
