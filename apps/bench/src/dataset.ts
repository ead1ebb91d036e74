import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedIdPrefix } from '#tradegraph/demo';
import { LocalNeo4j, startLocalNeo4j } from '#tradegraph/graph';
import neo4j, { Driver } from 'neo4j-driver';
import { TableRows } from './postgres.js';

/** The people and suppliers the bench asks about, chosen from the loaded data by their degree and trade count. */
export interface BenchSubjects {
  viewers: { label: string; id: string; degree: number }[];
  suppliers: { label: string; id: string; confirmedTrades: number }[];
  /** For connectionPath: a person far from the viewers; for mutualConnections: a neighbour of each viewer. */
  pathTarget: string;
  neighbourOf: Record<string, string>;
}

/** Starts the bench's own Neo4j on `dataDir` (kept between runs, so a dataset is loaded once per size and seed). */
export function startBenchNeo4j(dataDir: string, boltPort: number, log: (line: string) => void): Promise<LocalNeo4j> {
  return startLocalNeo4j({ homeDir: path.join(dataDir, 'neo4j'), boltPort, heapMb: 4096, pageCacheMb: 2048, log });
}

export interface DatasetLoad {
  loadedNow: boolean;
  seconds: number;
  /** How it was loaded, and the loader's own summary line (counts and rates). */
  method?: 'offline' | 'transactional';
  summary?: string;
}

/** Whether the bench's Neo4j home already holds a store (loaded earlier, or being reused). */
export function storeExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'neo4j', 'data', 'databases', 'neo4j'));
}

/** Builds a new store for the bench with the offline importer (`generate-network --offline`), before Neo4j starts. */
export function importDataset(dataDir: string, people: number, seed: number, log: (line: string) => void) {
  return runGenerator(['--offline', path.join(dataDir, 'neo4j')], {}, people, seed, 'offline', log);
}

/** Loads the generated network through batched transactions into the running Neo4j, unless it is there already. */
export async function ensureDataset(
  driver: Driver,
  uri: string,
  people: number,
  seed: number,
  log: (line: string) => void,
): Promise<DatasetLoad> {
  const present = await count(driver, 'MATCH (p:Person) WHERE p.id STARTS WITH $prefix RETURN count(p) AS n', {
    prefix: generatedIdPrefix(seed),
  });
  if (present === people) return { loadedNow: false, seconds: 0 };
  if (present !== 0) throw new Error(`The bench database holds ${present} people of seed ${seed}, not ${people}.`);
  const env = { NEO4J_URI: uri, NEO4J_TX_TIMEOUT_MS: '600000' };
  return runGenerator(['--batch-size', '10000', '--force'], env, people, seed, 'transactional', log);
}

async function runGenerator(
  extra: string[],
  env: Record<string, string>,
  people: number,
  seed: number,
  method: 'offline' | 'transactional',
  log: (line: string) => void,
): Promise<DatasetLoad> {
  const started = performance.now();
  let summary: string | undefined;
  await new Promise<void>((resolve, reject) => {
    const args = ['--people', String(people), '--seed', String(seed), ...extra];
    const child = spawn(process.execPath, ['dist/apps/api/src/generate-network.js', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (/^(Imported|Loaded) /.test(line)) summary = line.trim();
        if (line && !line.startsWith('    ')) log(`  ${line.trim()}`);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generate-network exited with ${code}`))));
  });
  return { loadedNow: true, seconds: (performance.now() - started) / 1000, method, summary };
}

async function count(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<number> {
  const result = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
  return num(result.records[0].get('n'));
}

async function rows(driver: Driver, cypher: string, params: Record<string, unknown> = {}) {
  const result = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
  return result.records.map((record) => record.toObject() as Record<string, unknown>);
}

const num = (value: unknown): number =>
  typeof value === 'number' ? value : (value as { toNumber(): number }).toNumber();

/** Viewers at the median, 99th percentile and top 0.1% of degree; suppliers at the median and top of confirmed trades. */
export async function pickSubjects(driver: Driver, seed: number): Promise<BenchSubjects> {
  const prefix = generatedIdPrefix(seed);
  const degrees = await rows(
    driver,
    `MATCH (p:Person) WHERE p.id STARTS WITH $prefix
     RETURN p.id AS id, COUNT { (p)-[:CONNECTED_TO]-() } AS degree ORDER BY degree ASC, id ASC`,
    { prefix },
  );
  const at = <T>(list: T[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))];
  const viewers = (
    [
      ['median degree', 0.5],
      ['p99 degree', 0.99],
      ['top 0.1% degree', 0.999],
    ] as const
  ).map(([label, q]) => {
    const row = at(degrees, q);
    return { label, id: row.id as string, degree: num(row.degree) };
  });
  const trades = await rows(
    driver,
    `MATCH (o:Organization)<-[:SUPPLIER]-(t:Trade {status: 'CONFIRMED'}) WHERE o.id STARTS WITH $prefix
     RETURN o.id AS id, count(t) AS n ORDER BY n ASC, id ASC`,
    { prefix },
  );
  const suppliers = (
    [
      ['median supplier', 0.5],
      ['busiest supplier', 1],
    ] as const
  ).map(([label, q]) => {
    const row = at(trades, q);
    return { label, id: row.id as string, confirmedTrades: num(row.n) };
  });
  const neighbourOf: Record<string, string> = {};
  for (const viewer of viewers) {
    const [row] = await rows(
      driver,
      'MATCH (:Person {id: $id})-[:CONNECTED_TO]-(n:Person) RETURN n.id AS id ORDER BY id LIMIT 1',
      { id: viewer.id },
    );
    neighbourOf[viewer.id] = row.id as string;
  }
  return { viewers, suppliers, pathTarget: at(degrees, 0.25).id as string, neighbourOf };
}

/** The same people, connections, employments, trades and feedback, read from the graph, for the PostgreSQL baseline. */
export async function exportTables(driver: Driver): Promise<TableRows> {
  const read = (cypher: string) => rows(driver, cypher);
  const person = (
    await read('MATCH (p:Person) RETURN p.id AS id, coalesce(p.appearInNetworkSearches, true) AS appear')
  ).map((r) => ({ id: r.id as string, appear: r.appear as boolean }));
  const connection = (await read('MATCH (a:Person)-[:CONNECTED_TO]->(b:Person) RETURN a.id AS a, b.id AS b')).map(
    (r) => ({
      a: r.a as string,
      b: r.b as string,
    }),
  );
  const blocked = (await read('MATCH (a:Person)-[:BLOCKED]->(b:Person) RETURN a.id AS a, b.id AS b')).map((r) => ({
    blocker: r.a as string,
    blocked: r.b as string,
  }));
  const employment = (
    await read('MATCH (p:Person)-[w:WORKS_AT]->(o:Organization) RETURN p.id AS p, o.id AS o, w.status AS s')
  ).map((r) => ({ personId: r.p as string, organizationId: r.o as string, status: r.s as string }));
  const trade = (
    await read(`MATCH (b:Organization)<-[:BUYER]-(t:Trade)-[:SUPPLIER]->(s:Organization), (r:Person)-[:RECORDED]->(t)
                RETURN t.id AS id, b.id AS b, s.id AS s, t.status AS status, t.visibility AS v,
                       toString(t.occurredOn) AS d, r.id AS r`)
  ).map((r) => ({
    id: r.id as string,
    buyerId: r.b as string,
    supplierId: r.s as string,
    status: r.status as string,
    visibility: r.v as string,
    occurredOn: r.d as string,
    recordedBy: r.r as string,
  }));
  const feedback = (
    await read(`MATCH (f:Feedback)-[:ABOUT]->(t:Trade)
                RETURN t.id AS t, (f.quality + f.delivery + f.communication) / 3.0 AS rating`)
  ).map((r) => ({ tradeId: r.t as string, rating: r.rating as number }));
  return { person, connection, blocked, employment, trade, feedback };
}
