import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listenOn } from './notifications-helpers.js';
import { RedisServer, startRedis, stopRedis } from '#tradegraph/common';
import { createTestApp, TestApp } from './test-app.js';

export interface TwoInstances {
  redis: RedisServer;
  a: TestApp;
  b: TestApp;
  /** The graphql-ws URL of instance b, which listens on a free port. */
  bUrl: string;
  close(): Promise<void>;
}

/**
 * Two API instances sharing a throwaway redis-server and, like a real deployment, their databases
 * (passport's strategies are process-wide, so each checks tokens against the accounts of the last created).
 */
export async function twoInstancesThroughRedis(): Promise<TwoInstances> {
  const redis = await startRedis();
  const sqlDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-redis-'));
  const env = {
    REDIS_URL: redis.url,
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(sqlDir, 'shared.sqlite')}`,
  };
  // Both instances first: creating one wipes the test databases.
  const a = await createTestApp(env);
  const b = await createTestApp(env);
  const bUrl = await listenOn(b);
  return {
    redis,
    a,
    b,
    bUrl,
    async close() {
      await a.close();
      await b.close();
      await stopRedis(redis);
      fs.rmSync(sqlDir, { recursive: true, force: true });
    },
  };
}
