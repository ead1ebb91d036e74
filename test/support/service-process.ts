import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { GENEROUS_RATE_LIMITS } from './test-app.js';

const MAIN = path.resolve('dist/apps/api/src/main.js');

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the built service the way `npm start` does, as a separate process. */
export function startService(env: Record<string, string>): ServiceProcess {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the tail only: a service under faults logs a lot.
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * The environment of a service process of the tests: on loopback at `port`, with its own SQLite in
 * `dataDir`, on the tests' Neo4j, with generous rate limits.
 */
export function testServiceEnv(port: number, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, 'test.sqlite')}`,
    NEO4J_URI: process.env.NEO4J_URI ?? '',
    ...(process.env.NEO4J_USERNAME ? { NEO4J_USERNAME: process.env.NEO4J_USERNAME } : {}),
    ...(process.env.NEO4J_PASSWORD ? { NEO4J_PASSWORD: process.env.NEO4J_PASSWORD } : {}),
    ...GENEROUS_RATE_LIMITS,
  };
}

export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  output: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Output:\n${output().slice(-8000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export { freePort } from '#tradegraph/common';

export const portIsOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** True while the process exists and is not a zombie (Linux /proc; elsewhere a signal-0 probe). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    if (fs.existsSync('/proc/self')) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid the launcher recorded for the local Neo4j of this data directory. */
export function localNeo4jPid(dataDir: string): number | undefined {
  try {
    // The first line is the JVM's pid, the second the pid of the process that started it.
    const [jvm] = fs.readFileSync(path.join(dataDir, 'neo4j', 'tradegraph-neo4j.pid'), 'utf8').split('\n');
    return Number(jvm.trim());
  } catch {
    return undefined;
  }
}

export interface HttpGqlResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  /** Set when no answer came within the client's patience. */
  hung?: true;
  ms: number;
}

/** One GraphQL request over loopback HTTP that gives up after `timeoutMs`, as an impatient client would. */
export async function httpGql(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  timeoutMs = 15_000,
): Promise<HttpGqlResult> {
  const started = Date.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json()) as Omit<HttpGqlResult, 'ms'>;
    return { ...body, ms: Date.now() - started };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { hung: true, ms: Date.now() - started };
    throw error;
  }
}
