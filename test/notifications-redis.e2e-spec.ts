import { Client } from 'graphql-ws';
import { newPerson } from './support/factories.js';
import { REQUEST } from './support/network-helpers.js';
import { connected, listen, within, wsClient } from './support/notifications-helpers.js';
import { TwoInstances, twoInstancesThroughRedis } from './support/redis-instances.js';
import { TestApp } from './support/test-app.js';

describe('notifications across API instances through Redis', () => {
  let instances: TwoInstances;
  let a: TestApp;
  let bUrl: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    instances = await twoInstancesThroughRedis();
    ({ a, bUrl } = instances);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await instances?.close();
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
