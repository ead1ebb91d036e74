import 'reflect-metadata';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import pg from 'pg';
import { startRedis, stopRedis } from '#tradegraph/common';
import { freePort, rssMb, startApi } from './api-process.js';
import { BenchCase, benchCases, ME } from './cases.js';
import { ensureDataset, exportTables, importDataset, pickSubjects, startBenchNeo4j, storeExists } from './dataset.js';
import { crossCheck, TraderRow } from './cross-check.js';
import {
  CASE_TIMEOUT_MS,
  summarize,
  throughput,
  Throughput,
  timeCypher,
  timeHttp,
  timeSql,
  Timings,
} from './measure.js';
import { loadPostgres, NETWORK_TRADERS_SQL, startPostgres } from './postgres.js';
import { BenchReport, CaseResult, writeReport } from './report.js';

/**
 * npm run bench -- --people N: loads (or reuses) a generated network of N people in the bench's own
 * Neo4j, starts the API and a throwaway PostgreSQL holding the same facts, then measures each flagship
 * query through HTTP, as its raw statement and (networkTradersWith) as SQL, interleaved, plus
 * throughput with autocannon. Loopback only; every process it starts is stopped at the end.
 */
const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string', default: '25' },
    'throughput-seconds': { type: 'string', default: '10' },
    'data-dir': { type: 'string' },
    out: { type: 'string', default: 'test-results/bench' },
    quick: { type: 'boolean', default: false },
    load: { type: 'string', default: 'offline' },
    workers: { type: 'string', default: '2' },
    'profile-api': { type: 'boolean', default: false },
  },
});
const people = Number(args.people);
const seed = Number(args.seed);
const iterations = args.quick ? 2 : Number(args.iterations);
const throughputSeconds = args.quick ? 1 : Number(args['throughput-seconds']);
if (!Number.isInteger(people) || people < 100 || people > 1_000_000) throw new Error('--people must be 100..1000000.');
if (!(iterations >= 1 && iterations <= 1000)) throw new Error('--iterations must be 1..1000.');
if (!(throughputSeconds >= 1 && throughputSeconds <= 120)) throw new Error('--throughput-seconds must be 1..120.');
if (args.load !== 'offline' && args.load !== 'transactional')
  throw new Error('--load must be offline or transactional.');
const workers = Number(args.workers);
if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new Error('--workers must be 1..16.');
const dataDir = path.resolve(args['data-dir'] ?? `.data/bench/people-${people}-s${seed}`);
const say = (line: string) => process.stdout.write(`${line}\n`);
const cleanups: (() => Promise<void> | void)[] = [];

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  // A new dataset goes in with the offline importer before Neo4j starts; --load transactional measures the other path.
  const imported =
    args.load === 'offline' && !storeExists(dataDir) ? await importDataset(dataDir, people, seed, say) : null;
  const local = await startBenchNeo4j(dataDir, await freePort(), say);
  cleanups.push(() => local.stop());
  const driver = neo4j.driver(local.uri, undefined, { disableLosslessIntegers: true });
  cleanups.push(() => driver.close());
  const checked = await ensureDataset(driver, local.uri, people, seed, say);
  const load = imported ?? checked;
  say(load.loadedNow ? `Loaded the dataset in ${load.seconds.toFixed(1)} s.` : `Reusing the dataset in ${dataDir}.`);
  const subjects = await pickSubjects(driver, seed);
  say(`Viewers: ${subjects.viewers.map((v) => `${v.label} ${v.id} (${v.degree})`).join(', ')}`);
  say(`Suppliers: ${subjects.suppliers.map((s) => `${s.label} ${s.id} (${s.confirmedTrades})`).join(', ')}`);

  const postgres = startPostgres(say);
  cleanups.push(() => postgres.stop());
  const sql = new pg.Client({ connectionString: postgres.url });
  await sql.connect();
  await sql.query(`SET statement_timeout = ${CASE_TIMEOUT_MS}`);
  cleanups.push(() => sql.end());
  const pgStarted = performance.now();
  const tables = await exportTables(driver);
  await loadPostgres(sql, tables);
  say(
    `PostgreSQL holds the same data (${tables.connection.length} connections), in ${((performance.now() - pgStarted) / 1000).toFixed(1)} s.`,
  );

  const redis = workers > 1 ? await startRedis() : undefined;
  cleanups.push(() => stopRedis(redis));
  const profileDir = args['profile-api'] ? path.resolve(args.out!, 'api-profile') : undefined;
  const api = await startApi(local.uri, workers, redis?.url, profileDir);
  cleanups.push(() => api.stop());
  const tokens = await api.tokensFor(subjects.viewers.map((v) => v.id));
  const cases = benchCases(subjects, { root: 'metals', leaf: 'metals-steel' });
  const memory = { apiPeakMb: 0, neo4jPeakMb: 0 };
  const sampler = setInterval(() => {
    memory.apiPeakMb = Math.max(memory.apiPeakMb, rssMb(api.child.pid) ?? 0);
    memory.neo4jPeakMb = Math.max(memory.neo4jPeakMb, rssMb(local.pid) ?? 0);
  }, 250);
  cleanups.push(() => clearInterval(sampler));

  const samples = new Map<BenchCase, { http: number[]; raw: number[]; sql: number[] }>();
  const mismatches: string[] = [];
  // A case that fails (for example Neo4j's transaction memory limit) is reported as failed and not run again.
  const failed = new Map<BenchCase, string>();
  const runOnce = async (c: BenchCase, record: boolean) => {
    if (failed.has(c)) return;
    try {
      await measureOnce(c, record);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      say(`  ${c.name} (${c.viewer}) failed: ${reason}`);
      failed.set(c, reason);
    }
  };
  const measureOnce = async (c: BenchCase, record: boolean) => {
    const token = tokens.get(c.viewerId)!;
    const http = await timeHttp(api.url, token, c.query, c.variables);
    if (http.body.errors) throw new Error(`${c.name} (${c.viewer}) failed: ${JSON.stringify(http.body.errors)}`);
    const raw = c.raw ? await timeCypher(driver, c.raw.cypher, c.raw.params) : undefined;
    const baseline = c.traders
      ? await timeSql(sql, NETWORK_TRADERS_SQL, [c.viewerId, c.traders.supplierId, c.traders.maxDegree])
      : undefined;
    if (!record) {
      if (c.traders && raw && baseline)
        mismatches.push(...crossCheck(c, http.body, raw.records, baseline.rows as unknown as TraderRow[]));
      return;
    }
    const entry = samples.get(c) ?? { http: [], raw: [], sql: [] };
    entry.http.push(http.ms);
    if (raw) entry.raw.push(raw.ms);
    if (baseline) entry.sql.push(baseline.ms);
    samples.set(c, entry);
  };
  say(`Warming up and cross-checking ${cases.length} cases...`);
  // Each statement is planned once first, without the API's transaction timeout (planning is slow on a busy machine).
  for (const [i, c] of cases.entries()) {
    if (!c.raw) continue;
    const planned = await timeCypher(driver, c.raw.cypher, c.raw.params).catch((error: Error) => {
      failed.set(c, error.message.split('\n')[0]);
      return null;
    });
    const outcome = planned ? `${Math.round(planned.ms)} ms` : `failed: ${failed.get(c)}`;
    say(`  planned ${i + 1} / ${cases.length} ${c.name} (${c.viewer}): ${outcome}`);
  }
  for (const [i, c] of cases.entries()) {
    const started = performance.now();
    await runOnce(c, false);
    say(`  ${i + 1} / ${cases.length} ${c.name} (${c.viewer}): ${Math.round(performance.now() - started)} ms`);
  }
  for (const c of cases) await runOnce(c, false);
  say(`Measuring ${iterations} rounds, each case in turn (HTTP, raw statement, SQL)...`);
  for (let round = 0; round < iterations; round += 1) {
    for (const c of cases) await runOnce(c, true);
    if ((round + 1) % 5 === 0) say(`  round ${round + 1} / ${iterations}`);
  }

  const mix = cases
    .filter((c) => c.viewer !== 'top 0.1% degree' && !c.name.includes('d3'))
    .map((c) => ({ token: tokens.get(c.viewerId)!, query: c.query, variables: c.variables }));
  const meRequests = subjects.viewers.map((v) => ({ token: tokens.get(v.id)!, query: ME, variables: {} }));
  const throughputs: Throughput[] = [];
  for (const connections of [8, 32]) {
    say(`Throughput at ${connections} connections (${throughputSeconds} s each)...`);
    throughputs.push(await throughput('me', api.url, connections, throughputSeconds, meRequests));
    throughputs.push(await throughput('realistic mix', api.url, connections, throughputSeconds, mix));
  }

  const results: CaseResult[] = [...samples].map(([c, s]) => {
    const stats = (values: number[]): Timings | null => (values.length > 0 ? summarize(values) : null);
    return { name: c.name, viewer: c.viewer, http: summarize(s.http), raw: stats(s.raw), sql: stats(s.sql) };
  });
  const report: BenchReport = {
    apiWorkers: workers,
    startedAt,
    command: `npm run bench -- --people ${people}${args.quick ? ' --quick' : ` --iterations ${iterations}`}`,
    people,
    seed,
    dataset: {
      loadedNow: load.loadedNow,
      loadSeconds: load.seconds,
      loadMethod: load.method,
      loadSummary: load.summary,
      connections: tables.connection.length,
    },
    subjects,
    iterations,
    results,
    throughputs,
    memory,
    mismatches,
    failures: [...failed].map(([c, reason]) => ({ name: c.name, viewer: c.viewer, reason })),
  };
  writeReport(report, args.out!, say);
  if (mismatches.length > 0 || (args.quick && failed.size > 0)) {
    say(`\n${mismatches.length} cross-check mismatches:\n${mismatches.slice(0, 20).join('\n')}`);
    process.exitCode = 1;
  }
}

async function cleanup(): Promise<void> {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      process.stderr.write(`cleanup: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}

process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));
main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
