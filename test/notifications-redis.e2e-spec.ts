import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'graphql-ws';
import { newPerson } from './support/factories.js';
import { REQUEST } from './support/network-helpers.js';
import { connected, listen, listenOn, within, wsClient } from './support/notifications-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** A free local TCP port, found by letting the OS pick one. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts a throwaway redis-server (no persistence) and resolves once it accepts connections. */
async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: `apt-get install redis-server` (.ci/run installs it).');
  }
  const port = await freePort();
  const child = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

describe('notifications across API instances through Redis', () => {
  let redis: { url: string; process: ChildProcess };
  let a: TestApp;
  let b: TestApp;
  let bUrl: string;
  let sqlDir: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    // Like a real deployment, the instances share their databases (and passport's strategies are
    // process-wide, so each instance checks tokens against the accounts of the last one created).
    sqlDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-redis-'));
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(sqlDir, 'shared.sqlite')}`,
    };
    // Both instances first: creating one wipes the test databases.
    a = await createTestApp(env);
    b = await createTestApp(env);
    bUrl = await listenOn(b);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await a?.close();
    await b?.close();
    redis?.process.kill();
    if (sqlDir) fs.rmSync(sqlDir, { recursive: true, force: true });
  });

  it('delivers a notification created through instance A to its recipient subscribed on instance B', async () => {
    const sender = await newPerson(a, { name: 'Sender on A' });
    const bystander = await newPerson(a);
    const listener = await newPerson(a, { name: 'Listener on B' });

    const client = wsClient(bUrl, { authorization: `Bearer ${listener.token}` });
    clients.push(client);
    const isConnected = connected(client);
    const stream = listen(client);
    await isConnected;
    // The subscription reaches Redis right after the acknowledgement; give it its turn.
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect((await a.gql(REQUEST, { personId: bystander.id }, sender.token)).errors).toBeUndefined();
    const res = await a.gql(REQUEST, { personId: listener.id }, sender.token);
    expect(res.errors).toBeUndefined();

    expect(await within(1000, stream.first)).toEqual({
      data: {
        notificationAdded: expect.objectContaining({
          kind: 'CONNECTION_REQUEST_RECEIVED',
          subjectId: res.data!.requestConnection.id,
          summary: 'Sender on A wants to connect with you',
          readAt: null,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          actor: { id: sender.id, name: 'Sender on A' },
        }),
      },
    });
    expect(stream.received).toHaveLength(1);
  });
});
