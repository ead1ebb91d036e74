import { Client } from 'graphql-ws';
import { NETWORK_QUERIES } from '#tradegraph/rate-limits';
import { ENDORSE, endorsementHelpers, STEEL } from './support/endorsements-helpers.js';
import { newPerson, TestPerson } from './support/factories.js';
import { PATH } from './support/network-helpers.js';
import { connected, listenOn, wsClient } from './support/notifications-helpers.js';
import { expectOk, expectRateLimited, send, sendTimes } from './support/rate-limit-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const ME = 'query { me { id } }';
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { person { id } } }`;
const REFRESH = `mutation { refreshToken(refreshToken: "not-a-token") { accessToken } }`;
const RETRACT_UNKNOWN = `mutation { retractEndorsement(endorsementId: "no-such-endorsement") }`;
const REMOVE_UNKNOWN = `mutation { removeConnection(personId: "no-such-person") }`;
const NOTIFICATION_ADDED = 'subscription { notificationAdded { id } }';

/**
 * Each request limit, with small limits of its own (and the real default for the same mutation),
 * counted by client address (X-Forwarded-For from a trusted proxy) and by account.
 */
describe('rate limits', () => {
  let t: TestApp;
  const { newSupplier } = endorsementHelpers(() => t);
  let addressCount = 0;
  /** A client address no other test uses. */
  const newAddress = () => `198.51.100.${++addressCount}`;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_PER_ADDRESS: '40/1m',
      RATE_LIMIT_QUERIES_PER_ACCOUNT: '8/1m',
      RATE_LIMIT_NETWORK_QUERIES_PER_ACCOUNT: '3/1m',
      RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '15/1m',
      // The real defaults.
      RATE_LIMIT_SAME_MUTATION_PER_ACCOUNT: '10/1m',
      RATE_LIMIT_REGISTER_PER_ADDRESS: '10/1h',
      RATE_LIMIT_ACCOUNT_EMAILS: '5/1h',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (person: TestPerson, from = '203.0.113.1') => send(t, ME, {}, { token: person.token, from });

  it('limits the queries of an account, without affecting another account at the same address', async () => {
    const [alice, bob] = [await newPerson(t), await newPerson(t)];
    const from = newAddress();
    (await sendTimes(8, () => me(alice, from))).forEach(expectOk);
    const seconds = expectRateLimited(await me(alice, from), /^Too many queries from this account; try again in/);
    expect(seconds).toBeLessThanOrEqual(60);
    expectOk(await me(bob, from));
    // Another address does not help the account.
    expectRateLimited(await me(alice, newAddress()));
  });

  it('limits the network searches of an account on their own, below its other queries', async () => {
    const [alice, bob] = [await newPerson(t), await newPerson(t)];
    const path = () => send(t, PATH, { toPersonId: bob.id }, { token: alice.token, from: newAddress() });
    (await sendTimes(3, path)).forEach(expectOk);
    expectRateLimited(await path(), /^Too many network searches from this account/);
    expectOk(await me(alice));
    expectOk(await send(t, PATH, { toPersonId: alice.id }, { token: bob.token }));
  });

  it('counts network fields below a top-level field, through fragments, on the network limit', async () => {
    const person = await newPerson(t);
    const query = `query { sourcingRequest(id: "no-such-request") { ...Suggestions } }
      fragment Suggestions on SourcingRequest {
        a: suggestedSuppliers { __typename } b: suggestedSuppliers(first: 1) { __typename }
      }`;
    const first = await send(t, query, {}, { token: person.token, from: newAddress() });
    expect(first.status).toBe(200);
    expect(first.errors?.[0]?.extensions.code).not.toBe('RATE_LIMITED');
    expectRateLimited(await send(t, query, {}, { token: person.token }), /^Too many network searches/);
  });

  it('knows every network field it limits: all are Query fields but SourcingRequest.suggestedSuppliers', async () => {
    const fieldsOf = async (type: string) => {
      const res = await send(t, `query { __type(name: "${type}") { fields { name } } }`);
      return res.data!.__type.fields.map((field: { name: string }) => field.name);
    };
    const [query, sourcingRequest] = [await fieldsOf('Query'), await fieldsOf('SourcingRequest')];
    for (const field of NETWORK_QUERIES) {
      expect(field === 'suggestedSuppliers' ? sourcingRequest : query).toContain(field);
    }
  });

  it('refuses the 11th identical endorseSupplier of a minute (the default), and only for that endorser', async () => {
    const { supplier } = await newSupplier();
    const [endorser, other] = [await newPerson(t), await newPerson(t)];
    const input = { supplierId: supplier.id, categoryId: STEEL, rating: 5 };
    const endorse = (person: TestPerson) => send(t, ENDORSE, { input }, { token: person.token, from: newAddress() });
    const responses = await sendTimes(20, () => endorse(endorser));
    responses.slice(0, 10).forEach(expectOk);
    expectRateLimited(responses[10], /^This change was made too often by this account/);
    // Refused attempts count too, so the later ones may meet the limit of all mutations first.
    responses.slice(11).forEach((res) => expectRateLimited(res));
    expectOk(await endorse(other));
  });

  it('limits all mutations of an account together', async () => {
    const person = await newPerson(t);
    let sent = 0;
    const mutate = () =>
      send(t, ++sent % 2 ? RETRACT_UNKNOWN : REMOVE_UNKNOWN, {}, { token: person.token, from: newAddress() });
    // Two different mutations, 8 of each: under the same-mutation limit, over the 15 of all mutations.
    const responses = await sendTimes(16, mutate);
    for (const res of responses.slice(0, 15)) expect(res.errors?.[0].extensions.code).not.toBe('RATE_LIMITED');
    expectRateLimited(responses[15], /^Too many changes from this account/);
  });

  it('limits registrations per client address (10 an hour by default)', async () => {
    const from = newAddress();
    let n = 0;
    const register = (address: string) =>
      send(
        t,
        REGISTER,
        { input: { email: `signup-${++n}-${Date.now()}@test.example`, password: 'long enough password', name: 'New' } },
        { from: address },
      );
    (await sendTimes(10, () => register(from))).forEach(expectOk);
    const seconds = expectRateLimited(await register(from), /^Too many registrations from this address/);
    expect(seconds).toBeGreaterThan(3000);
    expect(seconds).toBeLessThanOrEqual(3600);
    expectOk(await register(newAddress()));
  });

  it('limits reset mails to one address however many clients ask (5 an hour by default), known or not', async () => {
    const known = await newPerson(t);
    const reset = (email: string) =>
      send(t, 'mutation R($email: String!) { requestPasswordReset(email: $email) }', { email }, { from: newAddress() });
    for (const email of [known.email, 'nobody-here@test.example']) {
      (await sendTimes(5, () => reset(email))).forEach(expectOk);
      // Letter case and spaces do not make it another address.
      expectRateLimited(await reset(` ${email.toUpperCase()} `), /^Too many mails of this kind were asked for/);
    }
    expectOk(await reset('someone-else@test.example'));
  });

  it('limits all requests from one client address, anonymous or not', async () => {
    const from = newAddress();
    const people = [await newPerson(t), await newPerson(t), await newPerson(t)];
    // 3 × 8 signed-in queries and 16 anonymous mutations: 40.
    for (const person of people) (await sendTimes(8, () => me(person, from))).forEach(expectOk);
    const anonymous = await sendTimes(16, () => send(t, REFRESH, {}, { from }));
    for (const res of anonymous) expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expectRateLimited(await send(t, REFRESH, {}, { from }), /^Too many requests from this address/);
    expectRateLimited(await me(await newPerson(t), from), /^Too many requests from this address/);
    expect((await send(t, REFRESH, {}, { from: newAddress() })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  describe('over a websocket', () => {
    let url: string;
    const clients: Client[] = [];
    beforeAll(async () => {
      url = await listenOn(t);
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.dispose()));
    });

    it('refuses subscriptions over the limit with the same error, without HTTP details', async () => {
      const person = await newPerson(t);
      const client = wsClient(url, { authorization: `Bearer ${person.token}` });
      clients.push(client);
      const isConnected = connected(client);
      /** Subscribes; resolves with the first thing the server sends back, or with null while it stays open. */
      const subscribe = () =>
        new Promise<unknown>((resolve) => {
          client.subscribe(
            { query: NOTIFICATION_ADDED },
            { next: resolve, error: (error) => resolve({ error }), complete: () => resolve('complete') },
          );
          setTimeout(() => resolve(null), 300);
        });
      const accepted = [await subscribe()];
      await isConnected;
      for (let i = 1; i < 8; i++) accepted.push(await subscribe());
      expect(accepted).toEqual(Array(8).fill(null));
      // graphql-ws sends the refusal as its error message: the GraphQL errors, with no HTTP status to set.
      expect(await subscribe()).toEqual({
        error: [
          expect.objectContaining({
            message: expect.stringMatching(/^Too many queries from this account/),
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
          }),
        ],
      });
    });
  });
});
