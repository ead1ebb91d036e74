import * as os from 'node:os';
import * as path from 'node:path';
import { AppConfig } from '#tradegraph/config';
import type { TestCypher } from './test-app.js';

/**
 * Refuses to let tests touch a database that is not clearly a test database, because the
 * tests wipe what they find. SQL: a SQLite file in the temp directory, or a PostgreSQL database
 * whose name ends in `_test`. Neo4j: the server the test run launched, or one that already
 * carries the test marker, or an empty one (which then gets the marker).
 */
export async function assertTestDatabases(config: AppConfig, neo4j: TestCypher): Promise<void> {
  if (config.nodeEnv !== 'test') throw new Error('Tests must run with NODE_ENV=test.');
  if (config.sql.type === 'sqlite') {
    if (!path.resolve(config.sql.file).startsWith(os.tmpdir())) {
      throw new Error(`Refusing to run tests against the SQLite file ${config.sql.file}: it is not a temporary file.`);
    }
  } else {
    const database = new URL(config.sql.url).pathname.replace(/^\//, '');
    if (!database.endsWith('_test')) {
      throw new Error(`Refusing to run tests against PostgreSQL database "${database}": its name must end in _test.`);
    }
  }
  if (process.env.TRADEGRAPH_TEST_NEO4J === config.neo4j.uri) return;
  const [row] = await neo4j.read<{ marked: boolean; empty: boolean }>(
    `RETURN EXISTS { (:TestDatabase) } AS marked,
            NOT EXISTS { (n) WHERE n:Person OR n:Organization } AS empty`,
  );
  if (row.marked) return;
  if (!row.empty) {
    throw new Error(
      `Refusing to run tests against ${config.neo4j.uri}: it holds data and no :TestDatabase marker node.`,
    );
  }
  await neo4j.write('MERGE (:TestDatabase {createdAt: datetime()})');
}

/** Empties both databases except the migrated schema and seed data (categories). */
export async function resetDatabases(neo4j: TestCypher, sql: { query(sql: string): Promise<unknown> }): Promise<void> {
  await neo4j.write('MATCH (n) WHERE NOT (n:Category OR n:GraphMigration OR n:TestDatabase) DETACH DELETE n');
  const conversations = ['messages', 'conversation_participants', 'conversations', 'inquiries'];
  for (const table of [...conversations, 'audit_log_organizations', 'audit_log', 'refresh_tokens', 'accounts']) {
    await sql.query(`DELETE FROM ${table}`);
  }
}
