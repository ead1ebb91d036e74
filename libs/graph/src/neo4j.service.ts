import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { Driver, ManagedTransaction } from 'neo4j-driver';
import { NEO4J_DRIVER } from './neo4j.tokens.js';
import { toPlain } from './to-plain.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * Runs Cypher for the repositories. Reads go through executeRead and writes through
 * executeWrite (retries of transient errors, cluster routing), always naming the database and
 * always closing the session. Rows come back as plain objects.
 */
@Injectable()
export class Neo4jService implements OnApplicationShutdown {
  constructor(
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One read query; each row is the record as a plain object. */
  read<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.readTx((tx) => runPlain<T>(tx, cypher, params));
  }

  /** One write query in its own transaction. */
  write<T = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.writeTx((tx) => runPlain<T>(tx, cypher, params));
  }

  /** Several statements in one read transaction. The work may be retried, so it must have no side effects. */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.neo4j.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  /** Several statements in one write transaction, committed together or not at all. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.neo4j.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
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
