import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'graphql-ws';
import { newPerson } from './support/factories.js';
import { REQUEST } from './support/network-helpers.js';
import { connected, listen, listenOn, within, wsClient } from './support/notifications-helpers.js';
import { RedisServer, startRedis, stopRedis } from './support/redis-server.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe('notifications across API instances through Redis', () => {
  let redis: RedisServer;
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
    await stopRedis(redis);
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
