import * as fs from 'node:fs';
import * as path from 'node:path';
import { BenchSubjects } from './dataset.js';
import { Throughput, Timings } from './measure.js';

export interface CaseResult {
  name: string;
  viewer: string;
  http: Timings;
  raw: Timings | null;
  sql: Timings | null;
}

export interface BenchReport {
  startedAt: string;
  command: string;
  people: number;
  /** API processes (API_WORKERS) sharing the port. */
  apiWorkers: number;
  seed: number;
  dataset: {
    loadedNow: boolean;
    loadSeconds: number;
    loadMethod?: 'offline' | 'transactional';
    loadSummary?: string;
    connections: number;
  };
  subjects: BenchSubjects;
  iterations: number;
  results: CaseResult[];
  throughputs: Throughput[];
  memory: { apiPeakMb: number; neo4jPeakMb: number };
  mismatches: string[];
  /** Cases that failed (and were left out), with the first line of the error. */
  failures: { name: string; viewer: string; reason: string }[];
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const triple = (t: Timings | null) => (t ? `${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.p99)}` : '—');
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '—');

/** The Markdown of a report: subjects, one row per case and viewer, throughput and memory. */
export function toMarkdown(r: BenchReport): string {
  const lines = [
    `Command: \`${r.command}\` (${r.startedAt}), ${r.people} people (seed ${r.seed}), ${r.dataset.connections} connections, ${r.iterations} interleaved rounds, ${r.apiWorkers} API worker${r.apiWorkers === 1 ? '' : 's'}.`,
    '',
    r.dataset.loadSummary
      ? `Dataset loaded in this run (${r.dataset.loadMethod}): ${r.dataset.loadSummary}`
      : 'Dataset reused from an earlier run.',
    '',
    `Viewers: ${r.subjects.viewers.map((v) => `${v.label} (${v.degree} connections)`).join(', ')}. ` +
      `Suppliers: ${r.subjects.suppliers.map((s) => `${s.label} (${s.confirmedTrades} confirmed trades)`).join(', ')}.`,
    '',
    '| query | viewer | API p50 / p95 / p99 ms | raw statement p50 / p95 / p99 ms | PostgreSQL p50 / p95 / p99 ms | API ÷ raw (p50) | raw ÷ PostgreSQL (p50) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of r.results) {
    lines.push(
      `| ${c.name} | ${c.viewer} | ${triple(c.http)} | ${triple(c.raw)} | ${triple(c.sql)} | ${c.raw ? ratio(c.http.p50, c.raw.p50) : '—'} | ${c.raw && c.sql ? ratio(c.raw.p50, c.sql.p50) : '—'} |`,
    );
  }
  for (const f of r.failures) lines.push(`| ${f.name} | ${f.viewer} | failed: ${f.reason.slice(0, 140)} | | | | |`);
  lines.push(
    '',
    '| throughput (autocannon) | connections | req/s | p50 ms | p99 ms | errors / non-2xx / GraphQL errors |',
  );
  lines.push('| --- | --- | --- | --- | --- | --- |');
  for (const t of r.throughputs) {
    lines.push(
      `| ${t.name} | ${t.connections} | ${t.requestsPerSecond.toFixed(0)} | ${t.p50} | ${t.p99} | ${t.errors} / ${t.non2xx} / ${t.graphqlErrors} |`,
    );
  }
  lines.push(
    '',
    `Peak RSS: API process ${r.memory.apiPeakMb} MB, Neo4j process ${r.memory.neo4jPeakMb} MB. ` +
      `Cross-checks (API = raw statement = PostgreSQL for networkTradersWith): ${r.mismatches.length === 0 ? 'all equal' : `${r.mismatches.length} mismatches`}.`,
  );
  return lines.join('\n') + '\n';
}

export function writeReport(report: BenchReport, outDir: string, say: (line: string) => void): void {
  fs.mkdirSync(outDir, { recursive: true });
  const markdown = toMarkdown(report);
  fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(outDir, 'bench.md'), markdown);
  say(`\n${markdown}\nWrote ${path.join(outDir, 'bench.json')} and bench.md.`);
}
