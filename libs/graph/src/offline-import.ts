import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureLauncherBuilt, JVM_FLAGS, launcherClasspath } from './local-neo4j.js';

export interface OfflineImportOptions {
  /** The home directory a local Neo4j will then be started on (see startLocalNeo4j). */
  homeDir: string;
  nodes: string[];
  relationships: string[];
  heapMb?: number;
  /** The importer's progress, line by line. */
  log?: (line: string) => void;
}

export interface OfflineImportResult {
  nodes: number;
  relationships: number;
  seconds: number;
}

/**
 * Builds a new store from CSV files with Neo4j's offline importer (`neo4j-admin database import full`,
 * from the same jars as the launcher), which writes the store files directly instead of running
 * transactions. The database must not be running, and it refuses a home that already holds a store:
 * the importer only creates databases. Constraints and indexes come afterwards, from the migrations.
 */
export async function importIntoNewStore(options: OfflineImportOptions): Promise<OfflineImportResult> {
  const log = options.log ?? (() => undefined);
  const homeDir = path.resolve(options.homeDir);
  if (fs.existsSync(path.join(homeDir, 'data', 'databases', 'neo4j'))) {
    throw new Error(`${homeDir} already holds a Neo4j store; the offline importer only creates new ones.`);
  }
  ensureLauncherBuilt(log);
  fs.mkdirSync(path.join(homeDir, 'conf'), { recursive: true });
  const started = performance.now();
  const args = [
    `-Xmx${options.heapMb ?? 2048}m`,
    ...JVM_FLAGS,
    '-cp',
    launcherClasspath(),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    ...options.nodes.map((file) => `--nodes=${file}`),
    ...options.relationships.map((file) => `--relationships=${file}`),
    '--report-file=' + path.join(homeDir, 'import.report'),
    'neo4j',
  ];
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('java', args, {
      env: { ...process.env, NEO4J_HOME: homeDir, NEO4J_CONF: path.join(homeDir, 'conf') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        output.push(line);
        if (output.length > 400) output.shift();
        // The importer draws a dot per percent; only its stage lines are worth passing on.
        if (/^[A-Z][\w ]+(COMPLETED|DONE)|^Import starting|^IMPORT (DONE|FAILED)/.test(line.trim())) log(line.trim());
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const text = output.join('\n');
  if (code !== 0) throw new Error(`The offline import failed (exit ${code}):\n${text.slice(-4000)}`);
  const counted = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(text)?.[1] ?? NaN);
  return {
    nodes: counted('nodes'),
    relationships: counted('relationships'),
    seconds: (performance.now() - started) / 1000,
  };
}
