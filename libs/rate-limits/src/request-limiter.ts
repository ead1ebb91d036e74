import { Inject, Injectable, Logger } from '@nestjs/common';
import { Metrics, rateLimited } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig, RateLimit, RateLimitsConfig } from '#tradegraph/config';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimiterStore } from './rate-limiter.store.js';

/** The request limits of RateLimitsConfig (the login lockout has its own service). */
export type RequestLimitName = Exclude<keyof RateLimitsConfig, 'login'>;

/** One point to count: on which limit, for which address or account. */
export interface LimitCheck {
  limit: RequestLimitName;
  key: string;
  /** 1 unless said otherwise. */
  points?: number;
}

/** What the client reads when a limit refuses it; the wait is appended. */
const MESSAGES: Record<RequestLimitName, string> = {
  perAddress: 'Too many requests from this address',
  queriesPerAccount: 'Too many queries from this account',
  networkQueriesPerAccount: 'Too many network searches from this account',
  mutationsPerAccount: 'Too many changes from this account',
  sameMutationPerAccount: 'This change was made too often by this account',
  registerPerAddress: 'Too many registrations from this address',
  accountEmails: 'Too many mails of this kind were asked for',
};

/** Counts requests against the configured limits and refuses those over a limit with RATE_LIMITED. */
@Injectable()
export class RequestLimiter {
  private readonly logger = new Logger('RateLimits');
  private readonly limiters: Record<RequestLimitName, RateLimiterAbstract>;

  constructor(
    store: RateLimiterStore,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    const create = (name: RequestLimitName) => {
      const limit: RateLimit = config.rateLimits[name];
      return store.create(name, limit.points, limit.durationSeconds);
    };
    this.limiters = {
      perAddress: create('perAddress'),
      queriesPerAccount: create('queriesPerAccount'),
      networkQueriesPerAccount: create('networkQueriesPerAccount'),
      mutationsPerAccount: create('mutationsPerAccount'),
      sameMutationPerAccount: create('sameMutationPerAccount'),
      registerPerAddress: create('registerPerAddress'),
      accountEmails: create('accountEmails'),
    };
  }

  /** Counts the points of every check; when any limit is used up, refuses with the longest wait. */
  async consume(checks: readonly LimitCheck[]): Promise<void> {
    const refusals = await Promise.all(checks.map((check) => this.consumeOne(check)));
    let longest: { check: LimitCheck; ms: number } | undefined;
    refusals.forEach((ms, index) => {
      if (ms !== null && (!longest || ms > longest.ms)) longest = { check: checks[index], ms };
    });
    if (!longest) return;
    this.metrics.rateLimitRefusals.inc({ limit: longest.check.limit });
    const seconds = Math.max(1, Math.ceil(longest.ms / 1000));
    throw rateLimited(seconds, `${MESSAGES[longest.check.limit]}; try again in ${seconds} s.`);
  }

  /** Null when allowed, else the milliseconds until the limit has room again. */
  private async consumeOne({ limit, key, points = 1 }: LimitCheck): Promise<number | null> {
    const limiter = this.limiters[limit];
    try {
      await limiter.consume(key, points);
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      // One line per key and window, at the first refusal, rather than one per refused request.
      if (refusal.consumedPoints - points <= limiter.points) {
        this.logger.warn({ msg: 'rate limit reached', limit, key, retryAfterMs: refusal.msBeforeNext });
      }
      return refusal.msBeforeNext;
    }
  }
}
