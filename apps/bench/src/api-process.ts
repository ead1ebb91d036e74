import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import argon2 from 'argon2';
import Database from 'better-sqlite3';

import { freePort } from '#tradegraph/common';

export { freePort };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rate limits far above what the bench sends, so the bench measures queries and not refusals. */
const UNLIMITED = {
  RATE_LIMIT_PER_ADDRESS: '1000000/1m',
  RATE_LIMIT_QUERIES_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_NETWORK_QUERIES_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_SAME_MUTATION_PER_ACCOUNT: '1000000/1m',
  RATE_LIMIT_LOGIN_DELAY: '0s',
  // A long run must not outlive its access tokens.
  JWT_ACCESS_TTL_SECONDS: '86400',
};

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Logs in as each person (who gets a bench account first); their bearer tokens by person id. */
  tokensFor(personIds: string[]): Promise<Map<string, string>>;
  stop(): Promise<void>;
}

/**
 * Starts the built API on loopback against the bench's Neo4j, with a fresh SQLite database in a
 * temporary directory: `workers` processes (API_WORKERS) sharing the port, with Redis when above 1.
 */
export async function startApi(
  neo4jUri: string,
  workers: number,
  redisUrl?: string,
  profileDir?: string,
): Promise<ApiProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-bench-'));
  const port = await freePort();
  // --profile-api: V8 CPU profiles of every API process, written when they exit.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, path.resolve('dist/apps/api/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      NEO4J_URI: neo4jUri,
      LOG_LEVEL: 'error',
      SEED_DEMO_DATA: 'false',
      API_WORKERS: String(workers),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      // A busy machine must not turn slow answers into refusals: the bench reports the time instead.
      NEO4J_NETWORK_TX_TIMEOUT_MS: '120000',
      ...UNLIMITED,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('listening at')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The API did not start:\n${output}`);
    await pause(200);
  }
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    child,
    async tokensFor(personIds) {
      // Generated people have no accounts: the bench gives each viewer one in its own throwaway SQL database.
      const password = 'bench-password-not-secret';
      const hash = await argon2.hash(password);
      const db = new Database(path.join(dataDir, 'tradegraph.sqlite'));
      const insert = db.prepare(
        'INSERT OR IGNORE INTO accounts (id, email, email_normalized, password_hash) VALUES (?, ?, ?, ?)',
      );
      for (const id of personIds) insert.run(id, `${id}@bench.example`, `${id}@bench.example`, hash);
      db.close();
      const tokens = new Map<string, string>();
      for (const id of personIds) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { accessToken } }',
            variables: { e: `${id}@bench.example`, p: password },
          }),
        });
        const body = (await response.json()) as { data?: { login?: { accessToken: string } } };
        const token = body.data?.login?.accessToken;
        if (!token) throw new Error(`Could not log in as ${id}: ${JSON.stringify(body)}`);
        tokens.set(id, token);
      }
      return tokens;
    },
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, pause(20_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The resident memory of a process and its children (the API's workers), in MiB; null when it is gone. */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (!match) return null;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
    return children.reduce((sum, child) => sum + (rssMb(Number(child)) ?? 0), Math.round(Number(match[1]) / 1024));
  } catch {
    return null;
  }
}
