import { Client } from 'graphql-ws';
import { newPerson } from './support/factories.js';
import { connected, listen, within, wsClient } from './support/notifications-helpers.js';
import { TwoInstances, twoInstancesThroughRedis } from './support/redis-instances.js';
import { DELETE, LOGOUT } from './support/session-helpers.js';
import { TestApp } from './support/test-app.js';

/** A session ended through one API instance closes its live connections on another, through Redis. */
describe('sessions across API instances through Redis', () => {
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
