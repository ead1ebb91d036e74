import { jest } from '@jest/globals';
import { Client } from 'graphql-ws';
import { RefreshToken, TokensService } from '#tradegraph/accounts';
import { newPerson, TestPerson } from './support/factories.js';
import { connected, listen, listenOn, within, wsClient } from './support/notifications-helpers.js';
import { claimsOf, DELETE, firstUsedAgo, LOGIN, LOGOUT, ME, REFRESH, signAccess } from './support/session-helpers.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

/** Sessions end when they should: logout, reuse of a refresh token, account deletion, token expiry. */
describe('sessions', () => {
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

  const meOf = async (token: string) => (await t.gql(ME, {}, token)).data?.me?.id ?? null;
  const refreshed = (res: GqlResponse) => {
    expect(res.errors).toBeUndefined();
    return res.data!.refreshToken as { accessToken: string; refreshToken: string };
  };
  /** A live subscription of `person` with this access token, once the server acknowledged it. */
  async function subscribed(token: string) {
    const client = wsClient(url, { authorization: `Bearer ${token}` });
    clients.push(client);
    const isConnected = connected(client);
    const stream = listen(client);
    await isConnected;
    return stream;
  }
  const closeOf = async (closed: Promise<unknown>, ms = 1000) => {
    const event = (await within(ms, closed)) as { code: number; reason: string };
    return { code: event.code, reason: event.reason };
  };

  describe('access tokens name their session', () => {
    it('carries the session id, the same across refreshes of one session and new for each login', async () => {
      const person = await newPerson(t);
      const first = claimsOf(person.token);
      expect(first).toMatchObject({ sub: person.id, sid: expect.any(String) });
      const next = refreshed(await t.gql(REFRESH, { token: person.refreshToken }));
      expect(claimsOf(next.accessToken).sid).toBe(first.sid);
      const login = await t.gql(LOGIN, { input: { email: person.email, password: person.password } });
      expect(claimsOf(login.data!.login.accessToken).sid).not.toBe(first.sid);
    });

    it('refuses a correctly signed token without a session, or naming an unknown or someone else’s one', async () => {
      const person = await newPerson(t);
      const other = await newPerson(t);
      const exp = Math.floor(Date.now() / 1000) + 60;
      for (const claims of [
        { sub: person.id, exp },
        { sub: person.id, sid: 'no-such-session', exp },
        { sub: person.id, sid: claimsOf(other.token).sid, exp },
      ]) {
        expect(onlyError(await t.gql(ME, {}, signAccess(claims))).extensions.code).toBe('UNAUTHENTICATED');
      }
      expect(await meOf(signAccess({ sub: person.id, sid: claimsOf(person.token).sid, exp }))).toBe(person.id);
    });
  });

  describe('session expiry', () => {
    it('refuses the access tokens of a session once its refresh tokens have expired', async () => {
      const person = await newPerson(t);
      const exp = Math.floor(Date.now() / 1000) + 60;
      const access = signAccess({ sub: person.id, sid: claimsOf(person.token).sid, exp });
      expect((await t.gql(`{ me { id emailVerified } }`, {}, access)).data?.me).toEqual({
        id: person.id,
        emailVerified: true,
      });

      await t.sql
        .getRepository(RefreshToken)
        .update({ accountId: person.id }, { expiresAt: new Date(Date.now() - 1000) });
      expect(onlyError(await t.gql(ME, {}, access)).extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('logout', () => {
    it('ends the access tokens of that session at once, and only of that session', async () => {
      const person = await newPerson(t);
      const login = await t.gql(LOGIN, { input: { email: person.email, password: person.password } });
      const otherSession = login.data!.login.accessToken;
      const next = refreshed(await t.gql(REFRESH, { token: person.refreshToken }));
      expect(await meOf(person.token)).toBe(person.id);

      expect((await t.gql(LOGOUT, { token: next.refreshToken }, next.accessToken)).data!.logout).toBe(true);
      // Every access token of the session, old and new, stops working; the other session does not.
      for (const token of [person.token, next.accessToken]) {
        expect(onlyError(await t.gql(ME, {}, token)).extensions.code).toBe('UNAUTHENTICATED');
      }
      expect(await meOf(otherSession)).toBe(person.id);
      expect(onlyError(await t.gql(REFRESH, { token: next.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('refresh-token reuse', () => {
    it('gives both of two refreshes of the same token at once a new pair, and the session stays valid', async () => {
      const person = await newPerson(t);
      const results = await Promise.all([1, 2].map(() => t.gql(REFRESH, { token: person.refreshToken })));
      const pairs = results.map(refreshed);
      expect(pairs[0].refreshToken).not.toBe(pairs[1].refreshToken);
      const sid = claimsOf(person.token).sid;
      for (const pair of pairs) {
        expect(claimsOf(pair.accessToken).sid).toBe(sid);
        expect(await meOf(pair.accessToken)).toBe(person.id);
      }
      // Each new refresh token works on.
      for (const pair of pairs) refreshed(await t.gql(REFRESH, { token: pair.refreshToken }));
      expect(await meOf(person.token)).toBe(person.id);
    });

    it('lets a retry within the grace window through, one just inside it too', async () => {
      const person = await newPerson(t);
      refreshed(await t.gql(REFRESH, { token: person.refreshToken }));
      await firstUsedAgo(t, person.refreshToken, t.config.auth.refreshReuseGraceSeconds - 1);
      const retry = refreshed(await t.gql(REFRESH, { token: person.refreshToken }));
      expect(await meOf(retry.accessToken)).toBe(person.id);
    });

    it('revokes the whole session when a token is reused after the grace window', async () => {
      const person = await newPerson(t);
      const next = refreshed(await t.gql(REFRESH, { token: person.refreshToken }));
      const stream = await subscribed(next.accessToken);
      await firstUsedAgo(t, person.refreshToken, t.config.auth.refreshReuseGraceSeconds + 1);

      const reuse = await t.gql(REFRESH, { token: person.refreshToken });
      expect(onlyError(reuse).extensions.code).toBe('UNAUTHENTICATED');
      expect(onlyError(reuse).message).toMatch(/already used; the session has been revoked/);
      expect(onlyError(await t.gql(REFRESH, { token: next.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
      for (const token of [person.token, next.accessToken]) {
        expect(onlyError(await t.gql(ME, {}, token)).extensions.code).toBe('UNAUTHENTICATED');
      }
      expect(await closeOf(stream.closed)).toEqual({ code: 4401, reason: 'Session ended: revoked' });
    });
  });

  describe('live connections', () => {
    it('closes a subscription within a second of its session’s logout, and leaves other sessions open', async () => {
      const person = await newPerson(t);
      const login = await t.gql(LOGIN, { input: { email: person.email, password: person.password } });
      const ended = await subscribed(person.token);
      const other = await subscribed(login.data!.login.accessToken);
      let otherClosed = false;
      void other.closed.then(() => (otherClosed = true));

      expect((await t.gql(LOGOUT, { token: person.refreshToken }, person.token)).data!.logout).toBe(true);
      expect(await closeOf(ended.closed)).toEqual({ code: 4401, reason: 'Session ended: logged out' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(otherClosed).toBe(false);
    });

    it('closes every subscription of an account within a second of its deletion', async () => {
      const person: TestPerson = await newPerson(t);
      const login = await t.gql(LOGIN, { input: { email: person.email, password: person.password } });
      const streams = [await subscribed(person.token), await subscribed(login.data!.login.accessToken)];
      expect((await t.gql(DELETE, { password: person.password }, person.token)).data!.deleteAccount).toBe(true);
      for (const stream of streams) {
        expect(await closeOf(stream.closed)).toEqual({ code: 4401, reason: 'Session ended: account deleted' });
      }
    });

    it('closes a subscription within a second of its access token’s expiry', async () => {
      const person = await newPerson(t);
      const exp = Math.floor(Date.now() / 1000) + 2;
      const stream = await subscribed(signAccess({ sub: person.id, sid: claimsOf(person.token).sid, exp }));
      const event = await closeOf(stream.closed, 4000);
      const lateBy = Date.now() - exp * 1000;
      expect(event).toEqual({ code: 4401, reason: 'Access token expired' });
      expect(lateBy).toBeGreaterThanOrEqual(0);
      expect(lateBy).toBeLessThan(1000);
    });

    it('refuses a connection whose session is logged out while the connection is being accepted', async () => {
      const person = await newPerson(t);
      // The logout lands right after the server's first check of the token: the race, made certain.
      const tokens = t.app.get(TokensService);
      const verify = tokens.verifyAccessToken.bind(tokens);
      const spy = jest.spyOn(tokens, 'verifyAccessToken').mockImplementationOnce(async (token) => {
        const access = await verify(token);
        expect((await t.gql(LOGOUT, { token: person.refreshToken }, person.token)).data!.logout).toBe(true);
        return access;
      });
      try {
        const client = wsClient(url, { authorization: `Bearer ${person.token}` });
        clients.push(client);
        const isConnected = connected(client);
        listen(client);
        await expect(isConnected).rejects.toMatchObject({ code: 4403 });
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses to connect with a logged-out session’s access token', async () => {
      const person = await newPerson(t);
      await t.gql(LOGOUT, { token: person.refreshToken }, person.token);
      const client = wsClient(url, { authorization: `Bearer ${person.token}` });
      clients.push(client);
      const isConnected = connected(client);
      listen(client);
      await expect(isConnected).rejects.toMatchObject({ code: 4403 });
    });
  });
});
