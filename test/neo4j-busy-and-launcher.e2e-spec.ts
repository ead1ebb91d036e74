import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Metrics, toGraphQLError } from '#tradegraph/common';
import { loadConfig } from '#tradegraph/config';
import {
  LocalNeo4j,
  Neo4jService,
  startLocalNeo4j,
  startSupervisedNeo4j,
  stopLeftoverNeo4j,
  writePidFile,
} from '#tradegraph/graph';
import neo4jDriver from 'neo4j-driver';
import { newPerson } from './support/factories.js';
import { freePort, isRunning, portIsOpen, waitFor } from './support/service-process.js';
import { createTestApp, onlyError } from './support/test-app.js';

/** Counts orders of magnitude beyond any transaction timeout used here, to keep Neo4j busy. */
const SLOW_CYPHER = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 1000000000 RETURN count(x) AS n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pool, timeouts and the local launcher, each on a Neo4j of this file's own (the shared test one stays untouched). */
describe('Neo4j limits and the local launcher', () => {
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('a busy Neo4j', () => {
    let neo4j: LocalNeo4j;
    let homeDir: string;

    beforeAll(async () => {
      homeDir = tempDir('tradegraph-faults-neo4j-');
      neo4j = await startLocalNeo4j({ homeDir, boltPort: await freePort(), heapMb: 256, pageCacheMb: 32 });
    }, 150_000);

    afterAll(() => neo4j.stop());

    async function appOnOwnNeo4j(env: Record<string, string>) {
      const trusted = process.env.TRADEGRAPH_TEST_NEO4J;
      process.env.TRADEGRAPH_TEST_NEO4J = neo4j.uri;
      return createTestApp({ NEO4J_URI: neo4j.uri, ...env }).finally(() => {
        process.env.TRADEGRAPH_TEST_NEO4J = trusted;
      });
    }

    it('answers SERVICE_UNAVAILABLE with a retry hint, fast, when no pooled connection is free', async () => {
      const t = await appOnOwnNeo4j({
        NEO4J_MAX_POOL_SIZE: '1',
        NEO4J_ACQUISITION_TIMEOUT_MS: '500',
      });
      try {
        const person = await newPerson(t);
        // One long transaction takes the only connection until its timeout stops it.
        const long = t.neo4j.read(SLOW_CYPHER, {}, { timeoutMs: 3000 }).catch((error: unknown) => error);
        await sleep(300);
        const started = Date.now();
        const res = await t.gql('query { me { name } }', {}, person.token);
        expect(Date.now() - started).toBeLessThan(2000);
        const error = onlyError(res);
        expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 });
        expect(error.message).toBe('The graph database is busy; please retry shortly.');

        const timedOut = await long;
        expect((timedOut as { code?: string }).code).toBe(
          'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
        );
        expect(toGraphQLError(timedOut).error.extensions).toEqual({
          code: 'SERVICE_UNAVAILABLE',
          retryAfterSeconds: 2,
        });
        // The connection is back in the pool.
        expect((await t.gql('query { me { name } }', {}, person.token)).data?.me.name).toBe(person.name);
      } finally {
        await t.close();
      }
    }, 60_000);

    it('gives every transaction the configured timeout, which a caller may override', async () => {
      // The service on its own, without an app whose set-up writes would also be held to the short limit.
      const config = loadConfig({
        NEO4J_URI: neo4j.uri,
        NEO4J_TX_TIMEOUT_MS: '1500',
        NEO4J_NETWORK_TX_TIMEOUT_MS: '4000',
      });
      const driver = neo4jDriver.driver(neo4j.uri);
      const service = new Neo4jService(driver, config, new Metrics());
      try {
        expect(service.networkTimeoutMs).toBe(4000);
        for (const [options, limitMs] of [
          [{}, 1500],
          [{ timeoutMs: 600 }, 600],
        ] as const) {
          const started = Date.now();
          const error = await service.read('test', SLOW_CYPHER, {}, options).catch((e: unknown) => e);
          const took = Date.now() - started;
          expect((error as { code?: string }).code).toBe(
            'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
          );
          expect(took).toBeGreaterThanOrEqual(limitMs - 100);
          expect(took).toBeLessThan(limitMs + 3000);
        }
      } finally {
        await driver.close();
      }
    }, 60_000);

    it('stops a leftover Neo4j of the same home directory through its pid file, and nothing else', async () => {
      // A pid file naming a process that is not our launcher's JVM (here: this test process) is discarded.
      const elsewhere = tempDir('tradegraph-faults-pidfile-');
      writePidFile(elsewhere, process.pid);
      await stopLeftoverNeo4j(elsewhere, () => undefined);
      expect(fs.existsSync(path.join(elsewhere, 'tradegraph-neo4j.pid'))).toBe(false);
      expect(isRunning(process.pid)).toBe(true);

      const boltPort = Number(new URL(neo4j.uri.replace('bolt:', 'http:')).port);
      const messages: string[] = [];
      await stopLeftoverNeo4j(homeDir, (message) => messages.push(message));
      expect(messages.join('\n')).toContain(`Stopping a leftover local Neo4j (pid ${neo4j.pid})`);
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hook and exited, it was not killed.
      expect(await neo4j.exited).toBe('exit code 143');
      expect(isRunning(neo4j.pid)).toBe(false);
      expect(await portIsOpen(boltPort)).toBe(false);
    }, 60_000);
  });

  it('gives up after the configured restarts when the local Neo4j cannot come back', async () => {
    const homeDir = tempDir('tradegraph-faults-supervised-');
    const boltPort = await freePort();
    const log: string[] = [];
    const reasons: string[] = [];
    const supervised = await startSupervisedNeo4j({
      homeDir,
      boltPort,
      heapMb: 256,
      pageCacheMb: 32,
      maxRestarts: 1,
      backoffMs: () => 2000,
      log: (message) => log.push(message),
      onGiveUp: (reason) => reasons.push(reason),
    });
    try {
      const pid = supervised.pid();
      process.kill(pid, 'SIGKILL');
      await waitFor(() => !isRunning(pid), 10_000, 'the JVM to die');
      // The data directory is replaced by a plain file, so no restart can succeed.
      fs.rmSync(homeDir, { recursive: true, force: true });
      fs.writeFileSync(homeDir, 'not a directory');
      await waitFor(
        () => reasons.length > 0,
        60_000,
        'the supervisor to give up',
        () => log.join('\n'),
      );
      expect(log.join('\n')).toContain('Local Neo4j exited unexpectedly (signal SIGKILL); restart 1 of 1 in 2000 ms.');
      expect(reasons).toEqual([
        expect.stringMatching(/^Local Neo4j is down \(.+\) and 1 restart did not bring it back/),
      ]);
      expect(supervised.restarts()).toBe(0);
    } finally {
      await supervised.stop();
    }
  }, 420_000);
});
