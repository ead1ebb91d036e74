import { Client } from 'graphql-ws';
import { newPerson, TestPerson } from './support/factories.js';
import {
  CHANGE_PASSWORD,
  END_SESSION,
  LOGOUT_EVERYWHERE,
  mailedToken,
  REQUEST_RESET,
  RESET,
  SESSIONS,
} from './support/email-helpers.js';
import { connected, listen, listenOn, within, wsClient } from './support/notifications-helpers.js';
import { claimsOf, LOGIN, ME, REFRESH } from './support/session-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const NEW_PASSWORD = 'a brand new passphrase';

/** `me.sessions`, endSession, logoutEverywhere, and the sessions each password flow ends, over HTTP and WebSocket. */
describe('sessions of the email flows', () => {
  let t: TestApp;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    url = await listenOn(t);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.close();
  });

  const works = async (token: string) => !(await t.gql(ME, {}, token)).errors;
  const login = async (person: TestPerson, password = person.password, userAgent = 'Test browser') => {
    const res = await t
      .http()
      .post('/graphql')
      .set('user-agent', userAgent)
      .send({ query: LOGIN, variables: { input: { email: person.email, password } } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.login as { accessToken: string; refreshToken: string };
  };
  /** A live subscription with this access token; `closed` settles with the close event. */
  async function subscribed(token: string) {
    const client = wsClient(url, { authorization: `Bearer ${token}` });
    clients.push(client);
    const isConnected = connected(client);
    const stream = listen(client);
    await isConnected;
    return stream;
  }
  const closeOf = async (closed: Promise<unknown>) => {
    const event = (await within(1000, closed)) as { code: number; reason: string };
    return { code: event.code, reason: event.reason };
  };

  it('lists the active sessions with when, from where and which is current; endSession ends one', async () => {
    const person = await newPerson(t);
    const phone = await login(person, person.password, 'Phone app/1.0');
    const laptop = await login(person, person.password, 'Laptop browser/2.0');
    const res = await t.gql(SESSIONS, {}, laptop.accessToken);
    expect(res.errors).toBeUndefined();
    const { sessions } = res.data!.me;
    expect(sessions.totalCount).toBe(3);
    const nodes = sessions.edges.map((edge: any) => edge.node);
    const current = nodes.find((node: any) => node.current);
    expect(current).toMatchObject({ id: claimsOf(laptop.accessToken).sid, userAgent: 'Laptop browser/2.0' });
    expect(current.address).toMatch(/127\.0\.0\.1/);
    expect(nodes.filter((node: any) => node.current)).toHaveLength(1);
    expect(nodes.map((node: any) => node.userAgent)).toContain('Phone app/1.0');
    for (const node of nodes) expect(Date.parse(node.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(node.createdAt));

    const phoneStream = await subscribed(phone.accessToken);
    const phoneSession = claimsOf(phone.accessToken).sid;
    expect((await t.gql(END_SESSION, { id: phoneSession }, laptop.accessToken)).data).toEqual({ endSession: true });
    expect(await closeOf(phoneStream.closed)).toEqual({
      code: 4401,
      reason: 'Session ended: ended from another session',
    });
    expect(await works(phone.accessToken)).toBe(false);
    expect(onlyError(await t.gql(REFRESH, { token: phone.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(await works(laptop.accessToken)).toBe(true);
    expect((await t.gql(SESSIONS, {}, laptop.accessToken)).data!.me.sessions.totalCount).toBe(2);
    // Ended already, or someone else's: nothing to end.
    expect((await t.gql(END_SESSION, { id: phoneSession }, laptop.accessToken)).data).toEqual({ endSession: false });
    const other = await newPerson(t);
    const otherSession = claimsOf(other.token).sid;
    expect((await t.gql(END_SESSION, { id: otherSession }, laptop.accessToken)).data).toEqual({ endSession: false });
    expect(await works(other.token)).toBe(true);
  });

  it('shows no sessions of anyone else', async () => {
    const person = await newPerson(t);
    const other = await newPerson(t);
    const res = await t.gql(
      `query($id: ID!) { person(id: $id) { sessions { totalCount } emailVerified } }`,
      {
        id: other.id,
      },
      person.token,
    );
    expect(res.data!.person).toEqual({ sessions: null, emailVerified: null });
  });

  it('logoutEverywhere ends every session, refresh and access tokens and subscriptions, and says how many', async () => {
    const person = await newPerson(t);
    const second = await login(person);
    const streams = [await subscribed(person.token), await subscribed(second.accessToken)];
    expect((await t.gql(LOGOUT_EVERYWHERE, {}, second.accessToken)).data).toEqual({ logoutEverywhere: 2 });
    for (const stream of streams) {
      expect(await closeOf(stream.closed)).toEqual({ code: 4401, reason: 'Session ended: logged out everywhere' });
    }
    for (const token of [person.token, second.accessToken]) expect(await works(token)).toBe(false);
    for (const token of [person.refreshToken, second.refreshToken]) {
      expect(onlyError(await t.gql(REFRESH, { token })).extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await login(person)).accessToken).toEqual(expect.any(String));
  });

  it('changePassword ends every other session and keeps this one', async () => {
    const person = await newPerson(t);
    const other = await login(person);
    const otherStream = await subscribed(other.accessToken);
    const ownStream = await subscribed(person.token);
    const wrong = await t.gql(
      CHANGE_PASSWORD,
      { currentPassword: 'not it at all', newPassword: NEW_PASSWORD },
      person.token,
    );
    expect(onlyError(wrong).extensions.code).toBe('UNAUTHENTICATED');
    const common = await t.gql(
      CHANGE_PASSWORD,
      { currentPassword: person.password, newPassword: 'basketball' },
      person.token,
    );
    expect(onlyError(common).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(await works(other.accessToken)).toBe(true);

    const changed = await t.gql(
      CHANGE_PASSWORD,
      { currentPassword: person.password, newPassword: NEW_PASSWORD },
      person.token,
    );
    expect(changed.data).toEqual({ changePassword: true });
    expect(await closeOf(otherStream.closed)).toEqual({ code: 4401, reason: 'Session ended: password changed' });
    expect(await works(other.accessToken)).toBe(false);
    expect(onlyError(await t.gql(REFRESH, { token: other.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(await works(person.token)).toBe(true);
    expect((await t.gql(REFRESH, { token: person.refreshToken })).errors).toBeUndefined();
    expect(ownStream.received).toEqual([]);
    expect(await login(person, NEW_PASSWORD)).toMatchObject({ accessToken: expect.any(String) });
  });

  it('resetPassword ends every session, subscriptions included, and starts a new one', async () => {
    const person = await newPerson(t);
    const stream = await subscribed(person.token);
    await t.gql(REQUEST_RESET, { email: person.email });
    const reset = await t.gql(RESET, { token: await mailedToken(t, person.email, 'Reset'), newPassword: NEW_PASSWORD });
    expect(reset.errors).toBeUndefined();
    expect(await closeOf(stream.closed)).toEqual({ code: 4401, reason: 'Session ended: password changed' });
    expect(await works(person.token)).toBe(false);
    const fresh = reset.data!.resetPassword.accessToken as string;
    const sessions = (await t.gql(SESSIONS, {}, fresh)).data!.me.sessions;
    expect(sessions.totalCount).toBe(1);
    expect(sessions.edges[0].node).toMatchObject({ id: claimsOf(fresh).sid, current: true });
  });
});
