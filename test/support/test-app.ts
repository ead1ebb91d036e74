import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '#tradegraph/config';
import { Neo4jService, Params, TxOptions } from '#tradegraph/graph';
import { createApp } from '../../apps/api/src/configure-app.js';
import { assertTestDatabases, resetDatabases } from './test-database-guard.js';
import { TestMailbox } from './test-mailbox.js';

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; field?: string; [key: string]: unknown };
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors?: GqlError[];
}

/** Ad-hoc Cypher for tests: Neo4jService's read and write, every statement named `test`. */
export interface TestCypher {
  read<T = Record<string, unknown>>(cypher: string, params?: Params, options?: TxOptions): Promise<T[]>;
  write<T = Record<string, unknown>>(cypher: string, params?: Params, options?: TxOptions): Promise<T[]>;
}

export function testCypher(service: Neo4jService): TestCypher {
  return {
    read: (cypher, params, options) => service.read('test', cypher, params, options),
    write: (cypher, params, options) => service.write('test', cypher, params, options),
  };
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  neo4j: TestCypher;
  sql: DataSource;
  /** The SMTP server the app sends its mail to (SMTP_URL), with the mail it received. */
  mail: TestMailbox;
  /** Sends one GraphQL operation over HTTP, as a client would. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResponse<T>>;
  /** Plain HTTP access to the running app. */
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/**
 * Limits that ordinary tests, all from one address and often from one account, never reach. The
 * rate-limit tests pass their own (small) limits to createTestApp, which take precedence.
 */
export const GENEROUS_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_PER_ADDRESS: '1000000/1m',
  RATE_LIMIT_QUERIES_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_NETWORK_QUERIES_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_SAME_MUTATION_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_REGISTER_PER_ADDRESS: '1000000/1m',
  RATE_LIMIT_ACCOUNT_EMAILS: '1000000/1m',
  RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '1000/1m',
  RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '100000/1m',
  RATE_LIMIT_LOGIN_DELAY: '0s',
};

/**
 * Boots the real AppModule through the same createApp() that main.ts uses, on the test Neo4j
 * and a fresh SQL database (a temporary SQLite file, or DATABASE_URL when it names a *_test
 * PostgreSQL database), after checking both are test databases and emptying them. Its mail goes to a
 * real SMTP server in this process (`mail`).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-sql-'));
  const mail = await TestMailbox.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: process.env.NEO4J_URI,
    NEO4J_USERNAME: process.env.NEO4J_USERNAME,
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(sqliteDir, 'test.sqlite')}`,
    DATA_DIR: sqliteDir,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'error',
    SMTP_URL: mail.url,
    MAIL_FROM: 'TradeGraph <no-reply@tradegraph.test>',
    APP_URL: 'https://app.tradegraph.test',
    ...GENEROUS_RATE_LIMITS,
    ...env,
  });
  const app = await createApp(config);
  const neo4j = testCypher(app.get(Neo4jService));
  await assertTestDatabases(config, neo4j);
  await app.init();
  const sql = app.get(DataSource);
  await resetDatabases(neo4j, sql);

  const server = app.getHttpServer();
  return {
    app,
    config,
    neo4j,
    sql,
    mail,
    async gql(query, variables = {}, token) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body.data, errors: res.body.errors };
    },
    http: () => request(server),
    async close() {
      await app.close();
      await mail.close();
      fs.rmSync(sqliteDir, { recursive: true, force: true });
    },
  };
}

/** The single error of a response; fails the test when there is not exactly one. */
export function onlyError(res: GqlResponse): GqlError {
  expect(res.errors).toHaveLength(1);
  return (res.errors as GqlError[])[0];
}
