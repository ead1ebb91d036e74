import { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'graphql-ws';
import { newPerson } from './support/factories.js';
import { connected, listen, listenOn, within, wsClient } from './support/notifications-helpers.js';
import { startRedis } from './support/redis-server.js';
import { DELETE, LOGOUT } from './support/session-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** A session ended through one API instance closes its live connections on another, through Redis. */
describe('sessions across API instances through Redis', () => {
  let redis: { url: string; process: ChildProcess };
  let a: TestApp;
  let b: TestApp;
  let bUrl: string;
  let sqlDir: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    sqlDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-sessions-redis-'));
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

  /** A subscription on instance B, once acknowledged. */
  async function subscribedOnB(token: string) {
    const client = wsClient(bUrl, { authorization: `Bearer ${token}` });
    clients.push(client);
    const isConnected = connected(client);
    const stream = listen(client);
    await isConnected;
    return stream;
  }

  it('closes a subscription on B within a second of its session’s logout on A', async () => {
    const person = await newPerson(a);
    const stream = await subscribedOnB(person.token);
    expect((await a.gql(LOGOUT, { token: person.refreshToken }, person.token)).data!.logout).toBe(true);
    expect(await within(1000, stream.closed)).toMatchObject({ code: 4401, reason: 'Session ended: logged out' });
  });

  it('closes a subscription on B within a second of the account’s deletion on A', async () => {
    const person = await newPerson(a);
    const stream = await subscribedOnB(person.token);
    const res = await a.gql(DELETE, { password: person.password }, person.token);
    expect(res.data!.deleteAccount).toBe(true);
    expect(await within(1000, stream.closed)).toMatchObject({ code: 4401, reason: 'Session ended: account deleted' });
  });
});
