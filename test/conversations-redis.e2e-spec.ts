import { Client } from 'graphql-ws';
import { newPerson } from './support/factories.js';
import { conversationHelpers, listenToMessages } from './support/conversations-helpers.js';
import { connected, within, wsClient } from './support/notifications-helpers.js';
import { TwoInstances, twoInstancesThroughRedis } from './support/redis-instances.js';
import { TestApp } from './support/test-app.js';

describe('live messages across API instances through Redis', () => {
  let instances: TwoInstances;
  let a: TestApp;
  let bUrl: string;
  const clients: Client[] = [];
  const h = conversationHelpers(() => a);

  beforeAll(async () => {
    instances = await twoInstancesThroughRedis();
    ({ a, bUrl } = instances);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await instances?.close();
  });

  it('delivers a message sent through instance A to its participants subscribed on instance B, only to them', async () => {
    const [sender, listener] = await h.connectedPair();
    const outsider = await newPerson(a);
    const conversation = await h.start(sender, [listener], 'Hello across instances');

    const streams = [listener, outsider].map((who) => {
      const client = wsClient(bUrl, { authorization: `Bearer ${who.token}` });
      clients.push(client);
      return { isConnected: connected(client), stream: listenToMessages(client) };
    });
    await Promise.all(streams.map((s) => s.isConnected));
    // The subscriptions reach Redis right after the acknowledgement; give them their turn.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const message = await h.send(sender, conversation.id, 'Live through Redis');
    const [toListener, toOutsider] = streams.map((s) => s.stream);
    expect(await within(2000, toListener.first)).toEqual({
      data: {
        messageAdded: expect.objectContaining({
          id: message.id,
          conversationId: conversation.id,
          text: 'Live through Redis',
          sentAt: message.sentAt,
          editedAt: null,
          sender: { id: sender.id, name: sender.name },
        }),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toListener.received).toHaveLength(1);
    expect(toOutsider.received).toEqual([]);
  });
});
