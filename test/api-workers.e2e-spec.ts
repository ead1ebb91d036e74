import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { RedisServer, startRedis, stopRedis } from '#tradegraph/common';
import {
  freePort,
  httpGql,
  isRunning,
  portIsOpen,
  ServiceProcess,
  startService,
  testServiceEnv,
  waitFor,
} from './support/service-process.js';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken person { id } } }`;
const ME = 'query { me { id } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
/** Failed logins an email may have (per 10 minutes) before it is locked out, on all workers together. */
const LOGIN_FAILURES = 3;

/**
 * One GraphQL request on a connection of its own (no keep-alive), so that the primary hands
 * successive requests to the workers in turn instead of all to the worker of one pooled connection.
 */
function freshConnectionGql(port: number, query: string, variables: Record<string, unknown>): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.setHeader('content-type', 'application/json');
    req.end(JSON.stringify({ query, variables }));
  });
}

/** The pids of the workers the primary reported as listening, in order. */
const listeningWorkers = (output: string) =>
  [...output.matchAll(/API worker (\d+) is listening/g)].map((match) => Number(match[1]));

describe('API_WORKERS: several API processes sharing one port', () => {
  let redis: RedisServer | undefined;
  let service: ServiceProcess | undefined;
  let dataDir: string;

  afterAll(async () => {
    if (service && service.child.exitCode === null) {
      service.child.kill('SIGKILL');
      await service.exited;
    }
    await stopRedis(redis);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start more than one worker without REDIS_URL, naming the setting', async () => {
    const refused = startService({ API_WORKERS: '2', NODE_ENV: 'test', NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain('API_WORKERS above 1 needs REDIS_URL');
  });

  it('serves every request with one shared secret and shared rate limits, replaces a dead worker, stops on SIGTERM', async () => {
    redis = await startRedis();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-workers-'));
    const port = await freePort();
    service = startService({
      ...testServiceEnv(port, dataDir),
      API_WORKERS: '2',
      REDIS_URL: redis.url,
      RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: `${LOGIN_FAILURES}/10m`,
    });
    const output = service.output;
    await waitFor(() => output().includes('listening at'), 120_000, 'the workers to listen', output);
    expect(output()).toContain('(2 workers)');
    const workers = listeningWorkers(output());
    expect(workers).toHaveLength(2);
    expect(new Set([...workers, service.child.pid]).size).toBe(3);

    // No JWT_SECRET is set: the primary's generated secret is every worker's, so a token works whoever answers.
    const email = `workers-${Date.now()}@test.example`;
    const registered = await httpGql(port, REGISTER, {
      input: { email, password: 'correct horse battery', name: 'Worker Test' },
    });
    expect(registered.errors).toBeUndefined();
    const { accessToken, person } = registered.data!.register;
    const answers = await Promise.all(Array.from({ length: 20 }, () => httpGql(port, ME, {}, accessToken)));
    expect(answers.map((answer) => answer.data?.me?.id)).toEqual(Array(20).fill(person.id));

    // Wrong passwords on connections of their own, so on both workers in turn: the lockout counts them in
    // Redis, together. Counted per worker, the refusal would come only after twice as many failures.
    const wrongLogins = [];
    for (let attempt = 0; attempt <= LOGIN_FAILURES; attempt++) {
      const res = await freshConnectionGql(port, LOGIN, { input: { email, password: 'wrong horse battery' } });
      wrongLogins.push(res.errors?.[0]?.extensions?.code);
    }
    expect(wrongLogins).toEqual([...Array(LOGIN_FAILURES).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);

    // GET /metrics counts the whole service, whichever worker the scrape reaches.
    for (let scrape = 0; scrape < 4; scrape++) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const served = [...text.matchAll(/^tradegraph_graphql_requests_total\{[^}]*type="query"[^}]*\} (\d+)$/gm)];
      expect(served.reduce((sum, match) => sum + Number(match[1]), 0)).toBe(20);
    }

    process.kill(workers[0], 'SIGKILL');
    await waitFor(() => listeningWorkers(output()).length === 3, 60_000, 'a replacement worker', output);
    expect(output()).toContain(`API worker ${workers[0]} died (SIGKILL); starting another.`);
    const replacement = listeningWorkers(output())[2];
    expect(isRunning(replacement)).toBe(true);
    const after = await Promise.all(Array.from({ length: 10 }, () => httpGql(port, ME, {}, accessToken)));
    expect(after.map((answer) => answer.data?.me?.id)).toEqual(Array(10).fill(person.id));

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect([workers[1], replacement].filter(isRunning)).toEqual([]);
    expect(await portIsOpen(port)).toBe(false);
  });
});
