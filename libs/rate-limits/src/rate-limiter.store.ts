import { once } from 'node:events';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

/**
 * Where the counters live. rate-limiter-flexible rather than @nestjs/throttler: one well-kept package
 * with the same API over memory and Redis (atomic increments in one Lua call), plus what the login
 * lockout needs (reading, blocking and deleting a key); @nestjs/throttler would need a second
 * package for Redis, whose peer range stops before Nest 12, and hand-written lockout storage.
 *
 * In memory by default; in Redis when REDIS_URL is set, so that every instance counts together.
 * Without a ready Redis connection each limiter falls back to its in-memory copy instead of failing
 * the request: limits then hold per instance until Redis is back.
 */
const CONNECT_WAIT_MS = 5000;

@Injectable()
export class RateLimiterStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis?: Redis;
  private redisReady = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.redisUrl) return;
    // No offline queue: while disconnected, commands fail at once and the in-memory fallback answers.
    this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('ready', () => {
      this.redisReady = true;
      this.logger.log('rate limits are shared through Redis');
    });
    this.redis.on('error', (error: Error) => {
      // Reconnection attempts repeat the error; say it once per outage.
      if (!this.redisReady) return;
      this.redisReady = false;
      this.logger.warn({
        msg: 'Redis unavailable: rate limits count per instance until it is back',
        error: error.message,
      });
    });
  }

  /** Gives Redis a few seconds to connect at start-up, so that the first requests are already shared. */
  async onModuleInit(): Promise<void> {
    if (!this.redis || this.redis.status === 'ready') return;
    const timeout = AbortSignal.timeout(CONNECT_WAIT_MS);
    await once(this.redis, 'ready', { signal: timeout }).catch(() =>
      this.logger.warn('Redis is not reachable yet: rate limits count per instance until it is'),
    );
  }

  /** Whether the shared Redis answers a PING; undefined when no Redis is configured. */
  async redisHealth(): Promise<'up' | 'down' | undefined> {
    if (!this.redis) return undefined;
    if (this.redis.status !== 'ready') return 'down';
    return this.redis.ping().then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }

  /** A limiter of `points` per `durationSeconds`; `name` separates its keys from other limiters'. */
  create(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const options = { keyPrefix: `tradegraph:rate-limit:${name}`, points, duration: durationSeconds };
    if (!this.redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      storeClient: this.redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
