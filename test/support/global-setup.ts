import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LocalNeo4j } from '#tradegraph/graph';

/**
 * Global setup runs outside Jest's module system, so it loads the build output (`npm test` builds first):
 * the launcher's own file, not the '#tradegraph/graph' barrel, which would load libs/common's GraphQL
 * models here, whose classes then leak into the test files and stop matching their @nestjs/graphql.
 */
const LAUNCHER = '../../dist/libs/graph/src/local-neo4j.js';
type Launcher = Pick<typeof import('#tradegraph/graph'), 'startLocalNeo4j'>;

declare global {
  var __TRADEGRAPH_NEO4J__: { neo4j: LocalNeo4j; homeDir: string } | undefined;
}

/** Starts a throwaway Neo4j for the end-to-end tests, unless NEO4J_URI names one to use instead. */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const { startLocalNeo4j } = (await import(LAUNCHER)) as Launcher;
  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-neo4j-'));
  const neo4j = await startLocalNeo4j({
    homeDir,
    boltPort: await freePort(),
    heapMb: 768,
    pageCacheMb: 128,
    log: (message) => process.stdout.write(`\n[test neo4j] ${message}`),
  });
  process.env.NEO4J_URI = neo4j.uri;
  // Tells the test-database guard that this Neo4j belongs to the test run and may be wiped.
  process.env.TRADEGRAPH_TEST_NEO4J = neo4j.uri;
  globalThis.__TRADEGRAPH_NEO4J__ = { neo4j, homeDir };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
