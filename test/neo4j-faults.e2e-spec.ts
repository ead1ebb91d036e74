import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toGraphQLError } from '#tradegraph/common';
import { LocalNeo4j, startLocalNeo4j, stopLeftoverNeo4j, writePidFile } from '#tradegraph/graph';
import { newPerson } from './support/factories.js';
import {
  freePort,
  httpGql,
  HttpGqlResult,
  isRunning,
  localNeo4jPid,
  portIsOpen,
  ServiceProcess,
  startService,
  waitFor,
} from './support/service-process.js';
import { createTestApp, onlyError } from './support/test-app.js';

const JWT_SECRET = 'faults-test-secret-that-is-at-least-32-characters';
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;
/** Counts orders of magnitude beyond any transaction timeout used here, to keep Neo4j busy. */
const SLOW_CYPHER = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 1000000000 RETURN count(x) AS n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A service process on a fresh data directory, with its own local Neo4j, and no demo data. */
async function launch(dataDir: string, ports?: { port: number; boltPort: number }) {
  const { port, boltPort } = ports ?? { port: await freePort(), boltPort: await freePort() };
  const service = startService({
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_HEAP_MB: '256',
    NEO4J_PAGECACHE_MB: '32',
    LOG_LEVEL: 'error',
    SEED_DEMO_DATA: 'false',
    JWT_SECRET,
  });
  await waitFor(() => service.output().includes('listening at'), 150_000, 'the service to listen', service.output);
  return { service, port, boltPort };
}

async function register(port: number, name: string): Promise<string> {
  const input = { email: `${name}@faults.example`, password: 'correct horse battery', name, country: 'DE' };
  const res = await httpGql(port, REGISTER, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.register.accessToken as string;
}

const createOrganization = (port: number, token: string, name: string) =>
  httpGql(port, CREATE_ORG, { input: { name, country: 'DE', roles: ['SUPPLIER'], creatorTitle: 'Owner' } }, token);

/** The ids among `ids` that the service can no longer find, asked 20 at a time. */
async function missingOrganizations(port: number, token: string, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 20) {
    const chunk = ids.slice(i, i + 20);
    const fields = chunk.map((id, j) => `o${j}: organization(id: ${JSON.stringify(id)}) { id }`).join(' ');
    const res = await httpGql(port, `query { ${fields} }`, {}, token);
    expect(res.errors).toBeUndefined();
    chunk.forEach((id, j) => res.data![`o${j}`]?.id !== id && missing.push(id));
  }
  return missing;
}

async function stopService(service: ServiceProcess): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  await service.exited;
}

describe('Neo4j faults', () => {
  const dirs: string[] = [];
  const services: ServiceProcess[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const service of services) await stopService(service);
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
        NEO4J_TX_TIMEOUT_MS: '3000',
      });
      try {
        const person = await newPerson(t);
        // One long transaction takes the only connection until its timeout stops it.
        const long = t.neo4j.read(SLOW_CYPHER).catch((error: unknown) => error);
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
      const t = await appOnOwnNeo4j({ NEO4J_TX_TIMEOUT_MS: '1500', NEO4J_NETWORK_TX_TIMEOUT_MS: '4000' });
      try {
        expect(t.neo4j.networkTimeoutMs).toBe(4000);
        for (const [options, limitMs] of [
          [{}, 1500],
          [{ timeoutMs: 600 }, 600],
        ] as const) {
          const started = Date.now();
          const error = await t.neo4j.read(SLOW_CYPHER, {}, options).catch((e: unknown) => e);
          const took = Date.now() - started;
          expect((error as { code?: string }).code).toBe(
            'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
          );
          expect(took).toBeGreaterThanOrEqual(limitMs - 100);
          expect(took).toBeLessThan(limitMs + 3000);
        }
      } finally {
        await t.close();
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

  it('restarts a killed local Neo4j under write load: fast unavailable answers, ready again, no acknowledged write lost', async () => {
    const dataDir = tempDir('tradegraph-faults-kill-neo4j-');
    const { service, port } = await launch(dataDir);
    services.push(service);
    const tokens = await Promise.all([0, 1, 2, 3].map((i) => register(port, `writer-${i}`)));
    const firstPid = localNeo4jPid(dataDir)!;
    expect(isRunning(firstPid)).toBe(true);

    const answers: (HttpGqlResult & { phase: string })[] = [];
    const acknowledged: string[] = [];
    let phase = 'before';
    let running = true;
    const loadUntil = Date.now() + 240_000;
    const writers = tokens.map(async (token, client) => {
      for (let i = 0; running && i < 2000 && Date.now() < loadUntil; i++) {
        const res = await createOrganization(port, token, `Org ${client}-${i}`);
        answers.push({ ...res, phase });
        if (res.data?.createOrganization) acknowledged.push(res.data.createOrganization.id as string);
        await sleep(res.errors ? 200 : 20);
      }
    });

    try {
      await waitFor(() => acknowledged.length >= 20, 60_000, 'writes before the kill', service.output);
      phase = 'outage';
      process.kill(firstPid, 'SIGKILL');
      await waitFor(() => service.output().includes('exited unexpectedly'), 20_000, 'the restart', service.output);
      const ready = async () =>
        (await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(5000) })).status === 200;
      await waitFor(ready, 150_000, 'readiness after the restart', service.output);
      phase = 'after';
      const acknowledgedBefore = acknowledged.length;
      await waitFor(() => acknowledged.length >= acknowledgedBefore + 20, 60_000, 'writes after', service.output);
    } finally {
      running = false;
      await Promise.all(writers);
    }

    const summary = (a: (typeof answers)[number]) =>
      `${a.phase}: ${a.ms} ms, ${a.hung ? 'no answer' : JSON.stringify(a.errors?.map((e) => e.extensions) ?? 'ok')}`;
    expect(answers.filter((a) => a.hung || a.ms >= 5000).map(summary)).toEqual([]);
    for (const answer of answers) {
      if (answer.data?.createOrganization) continue;
      expect(answer.errors?.map((e) => e.extensions)).toEqual([
        { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: expect.any(Number) },
      ]);
    }
    expect(answers.some((a) => a.phase === 'outage' && a.errors)).toBe(true);
    expect(answers.filter((a) => a.phase === 'after' && a.data?.createOrganization).length).toBeGreaterThan(0);

    // The same API process, now on a new JVM.
    expect(service.child.exitCode).toBeNull();
    expect(localNeo4jPid(dataDir)).not.toBe(firstPid);
    expect(await missingOrganizations(port, tokens[0], acknowledged)).toEqual([]);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 420_000);

  it('starts again on the same data directory after the API process was killed', async () => {
    const dataDir = tempDir('tradegraph-faults-kill-api-');
    const first = await launch(dataDir);
    services.push(first.service);
    const token = await register(first.port, 'survivor');
    const created = await createOrganization(first.port, token, 'Survivor Org');
    expect(created.errors).toBeUndefined();
    const jvm = localNeo4jPid(dataDir)!;

    first.service.child.kill('SIGKILL');
    await first.service.exited;
    // The orphaned JVM notices that its parent is gone and shuts down by itself.
    await waitFor(() => !isRunning(jvm), 60_000, 'the orphaned Neo4j to exit');

    const second = await launch(dataDir, { port: first.port, boltPort: first.boltPort });
    services.push(second.service);
    const login = await httpGql(second.port, LOGIN, {
      input: { email: 'survivor@faults.example', password: 'correct horse battery' },
    });
    const again = login.data!.login.accessToken as string;
    expect(await missingOrganizations(second.port, again, [created.data!.createOrganization.id as string])).toEqual([]);
    second.service.child.kill('SIGTERM');
    expect(await second.service.exited).toBe(0);
  }, 360_000);
});
