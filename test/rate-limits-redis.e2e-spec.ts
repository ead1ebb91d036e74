import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LoginThrottle } from '#tradegraph/rate-limits';
import { newPerson } from './support/factories.js';
import { expectOk, expectRateLimited, send, sendTimes } from './support/rate-limit-helpers.js';
import { RedisServer, startRedis, stopRedis } from '#tradegraph/common';
import { createTestApp, TestApp } from './support/test-app.js';

const ME = 'query { me { id } }';

/** Two API instances on one redis-server count together: a limit holds across instances. */
describe('rate limits shared through Redis', () => {
  let redis: RedisServer;
  let a: TestApp;
  let b: TestApp;
  let sqlDir: string;

  beforeAll(async () => {
    redis = await startRedis();
    sqlDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-rate-limits-'));
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(sqlDir, 'shared.sqlite')}`,
      RATE_LIMIT_QUERIES_PER_ACCOUNT: '5/1m',
      RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '2/1m',
      RATE_LIMIT_LOGIN_LOCKOUT: '1m',
    };
    // Both instances first: creating one wipes the test databases.
    a = await createTestApp(env);
    b = await createTestApp(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await stopRedis(redis);
    if (sqlDir) fs.rmSync(sqlDir, { recursive: true, force: true });
  });

  it('counts the queries of an account on both instances together', async () => {
    const person = await newPerson(a);
    (await sendTimes(3, () => send(a, ME, {}, { token: person.token }))).forEach(expectOk);
    (await sendTimes(2, () => send(b, ME, {}, { token: person.token }))).forEach(expectOk);
    expectRateLimited(await send(a, ME, {}, { token: person.token }), /^Too many queries from this account/);
    expectRateLimited(await send(b, ME, {}, { token: person.token }), /^Too many queries from this account/);
  });

  it('locks an email out on every instance', async () => {
    // The services themselves: over HTTP both instances would use the last-created passport strategy.
    const [throttleA, throttleB] = [a.app.get(LoginThrottle), b.app.get(LoginThrottle)];
    expect(throttleA).not.toBe(throttleB);
    const attempt = { accountKey: `redis-test-${Date.now()}`, address: '203.0.113.9' };
    for (let i = 0; i < 2; i++) await throttleA.failed(attempt, await throttleA.begin(attempt));
    await expect(throttleB.begin(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(throttleA.begin(attempt)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps answering, counting per instance, while Redis is down', async () => {
    const person = await newPerson(a);
    await stopRedis(redis);
    expectOk(await send(a, ME, {}, { token: person.token }));
    expectOk(await send(b, ME, {}, { token: person.token }));
  });
});
