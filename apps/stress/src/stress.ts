import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '#tradegraph/common';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#tradegraph/demo';
import { aliasBomb, ENDORSE, fragmentBomb, LOGIN, NESTED_CONNECTIONS, REGISTER } from './attacks.js';
import { GraphQLClient, Outcome, percentile } from './client.js';
import { ORDINARY_OPERATIONS } from './ordinary.js';

/**
 * npm run stress: ordinary users run the README's operations while attackers replay the known attacks
 * (fragment bomb, alias bomb, nested lists, password guessing, mass registration, repeated endorsing).
 * Reports the ordinary users' p50/p99 and errors before and during the attack. Loopback only, bounded in time.
 */
const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    'baseline-seconds': { type: 'string', default: '10' },
    'attack-seconds': { type: 'string', default: '20' },
    out: { type: 'string', default: 'test-results/stress.json' },
  },
});
const baselineMs = Number(args['baseline-seconds']) * 1000;
const attackMs = Number(args['attack-seconds']) * 1000;
if (!(baselineMs > 0 && attackMs > 0 && baselineMs + attackMs <= 600_000)) {
  throw new Error('--baseline-seconds and --attack-seconds must be positive and add up to at most 600.');
}

interface Sample extends Outcome {
  who: string;
  phase: 'baseline' | 'attack';
}
const samples: Sample[] = [];
let phase: Sample['phase'] = 'baseline';
let stopAt = 0;
/** The first seconds warm the JIT and Neo4j's caches; they are not reported. */
let warmingUp = false;
const say = (line: string) => process.stdout.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `next()` until the phase ends; `next` names the operation when it is an ordinary user's. */
async function loop(
  who: string,
  client: GraphQLClient,
  next: () => [string, Record<string, unknown>?, string?],
  gapMs: number,
) {
  while (Date.now() < stopAt) {
    const [query, variables, operation] = next();
    const outcome = await client.send(query, variables);
    if (!warmingUp)
      samples.push({ ...outcome, data: undefined, who: operation ? `ordinary · ${operation}` : who, phase });
    if (gapMs > 0) await pause(gapMs);
  }
}

async function main(): Promise<void> {
  const service = args.url ? undefined : await startService();
  const url = args.url ?? service!.url;
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host) && !host.startsWith('127.')) {
    throw new Error(`--url must be a loopback address (got ${host}).`);
  }
  try {
    await run(url, service?.child);
  } finally {
    if (service) await service.stop();
  }
}

async function run(url: string, child?: ChildProcess): Promise<void> {
  // Each simulated client has its own address (honoured when the API runs with TRUST_PROXY=loopback).
  const users = await Promise.all(
    DEMO_ACCOUNTS.map(async (account, i) => {
      const client = new GraphQLClient(url, `198.51.100.${i + 1}`);
      const login = await client.send(LOGIN, { email: account.email, password: DEMO_PASSWORD });
      const token = (login.data as { login?: { accessToken: string } } | undefined)?.login?.accessToken;
      if (!token) throw new Error(`Could not log in as ${account.email}: ${login.code}`);
      client.token = token;
      return { name: account.key, client };
    }),
  );
  const attacker = new GraphQLClient(url, '203.0.113.9');
  const registered = await attacker.send(REGISTER, { email: `attacker-${Date.now()}@example.com` });
  attacker.token = (registered.data as { register?: { accessToken: string } } | undefined)?.register?.accessToken;
  const supplier = await users[0].client.send(
    'query { searchSuppliers(first: 1) { edges { node { id suppliedCategories { id } } } } }',
  );
  type Suppliers = { searchSuppliers?: { edges: { node: { id: string; suppliedCategories: { id: string }[] } }[] } };
  const target = (supplier.data as Suppliers | undefined)?.searchSuppliers?.edges[0]?.node;

  const ordinary = () =>
    users.map((user, i) => {
      let n = i;
      // A person clicking through the app: about one request a second each.
      return loop(
        user.name,
        user.client,
        () => {
          const operation = ORDINARY_OPERATIONS[n++ % ORDINARY_OPERATIONS.length];
          return [operation.query, {}, operation.name];
        },
        1000,
      );
    });

  say('Warming up for 5 s...');
  warmingUp = true;
  stopAt = Date.now() + 5_000;
  await Promise.all(ordinary());
  warmingUp = false;

  say(`Baseline: ${users.length} ordinary users for ${baselineMs / 1000} s...`);
  const memory: { phase: string; rssMb: number }[] = [];
  const sampler = setInterval(() => {
    const rssMb = child?.pid ? readRssMb(child.pid) : null;
    if (rssMb !== null) memory.push({ phase, rssMb });
  }, 500);
  stopAt = Date.now() + baselineMs;
  await Promise.all(ordinary());

  say(`Attack: the same users, plus every attack at once, for ${attackMs / 1000} s...`);
  phase = 'attack';
  stopAt = Date.now() + attackMs;
  let guesses = 0;
  let registrations = 0;
  const anonymous = (address: string) => new GraphQLClient(url, address, 30_000);
  await Promise.all([
    ...ordinary(),
    loop('fragment-bomb', anonymous('203.0.113.1'), () => [fragmentBomb(24)], 0),
    loop('fragment-bomb', anonymous('203.0.113.2'), () => [fragmentBomb(40)], 0),
    loop('alias-bomb', attacker, () => [aliasBomb(500, 'metals')], 0),
    loop('nested-lists', attacker, () => [NESTED_CONNECTIONS], 0),
    loop(
      'password-guessing',
      anonymous('203.0.113.3'),
      () => [LOGIN, { email: DEMO_ACCOUNTS[0].email, password: `guess-${guesses++}` }],
      0,
    ),
    loop(
      'registrations',
      anonymous('203.0.113.4'),
      () => [REGISTER, { email: `mass-${Date.now()}-${registrations++}@example.com` }],
      0,
    ),
    loop(
      'endorse-spam',
      attacker,
      () => [ENDORSE, { supplierId: target?.id, categoryId: target?.suppliedCategories?.[0]?.id }],
      0,
    ),
  ]);
  clearInterval(sampler);
  report(memory);
}

function report(memory: { phase: string; rssMb: number }[]): void {
  const rows: string[] = [
    '| who | phase | requests | p50 ms | p99 ms | max ms | outcomes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const who =
      ['ada', 'ben', 'cleo', 'dev'].includes(sample.who) || DEMO_ACCOUNTS.some((a) => a.key === sample.who)
        ? 'ordinary users'
        : sample.who;
    const key = `${who}|${sample.phase}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  const summary: Record<string, unknown>[] = [];
  for (const [key, group] of groups) {
    const [who, groupPhase] = key.split('|');
    const ms = group.map((s) => s.ms);
    const outcomes: Record<string, number> = {};
    for (const s of group) outcomes[s.code] = (outcomes[s.code] ?? 0) + 1;
    const line = {
      who,
      phase: groupPhase,
      requests: group.length,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: Math.max(...ms),
      outcomes,
    };
    summary.push(line);
    const codes = Object.entries(outcomes)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    rows.push(
      `| ${who} | ${groupPhase} | ${group.length} | ${line.p50.toFixed(1)} | ${line.p99.toFixed(1)} | ${line.max.toFixed(1)} | ${codes} |`,
    );
  }
  const peak = (p: string) => Math.max(0, ...memory.filter((m) => m.phase === p).map((m) => m.rssMb));
  say('');
  say(rows.join('\n'));
  if (memory.length > 0) say(`\nAPI process peak RSS: baseline ${peak('baseline')} MB, attack ${peak('attack')} MB`);
  fs.mkdirSync(path.dirname(path.resolve(args.out!)), { recursive: true });
  fs.writeFileSync(
    args.out!,
    JSON.stringify({ summary, memory: { baseline: peak('baseline'), attack: peak('attack') } }, null, 2),
  );
  say(`Wrote ${args.out}`);
  // The run fails when an ordinary user got an error: every attack must be refused or absorbed.
  if (samples.some((s) => s.who.startsWith('ordinary') && s.code !== 'OK')) process.exitCode = 1;
}

function readRssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Starts the built API with its own Neo4j and demo data in a temporary directory. */
async function startService(): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-stress-'));
  const [port, boltPort] = [await freePort(), await freePort()];
  say(`Starting the API with its own Neo4j (data in ${dataDir})...`);
  const child = spawn(process.execPath, [path.resolve('dist/apps/api/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_BOLT_PORT: String(boltPort),
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: 'true',
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  while (!output.includes('listening at')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The API did not start:\n${output}`);
    await pause(250);
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, pause(30_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`stress failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
