import { Inject, Injectable } from '@nestjs/common';
import { Metrics, rateLimited } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimiterStore } from './rate-limiter.store.js';

/** Who is trying to log in: a key for the email (never the email itself) and the client address. */
export interface LoginAttempt {
  accountKey: string;
  address?: string;
}

/** The failures counted for an attempt, including itself should it fail; from `begin`. */
export interface LoginTicket {
  accountFailures: number;
  addressFailures: number;
}

/** What a failed attempt led to. */
export interface LoginFailureOutcome {
  /** Consecutive failures of this email, this one included. */
  consecutiveFailures: number;
  /** Set when this failure locked the email out, for that many seconds. */
  lockedOutSeconds?: number;
  /** Set when this failure locked the client address out. */
  addressLockedOutSeconds?: number;
}

const LOCKED = 'Too many failed login attempts; try again in';

/**
 * Brute-force protection of `login`, by email and by client address, the same for emails with and
 * without an account. From the second consecutive failure of an email its next attempt must wait
 * (the delay, doubling with each failure); after the configured number of failures the email, and
 * likewise an address after its own number, is locked out. Attempts during a wait or a lockout are
 * refused before any password is checked. A correct password ends the count of its email.
 *
 * `begin` reserves the failure before the password is checked, so that concurrent attempts cannot
 * slip past the count: at most the configured number of passwords is ever checked per window.
 */
@Injectable()
export class LoginThrottle {
  private readonly accountFailures: RateLimiterAbstract;
  private readonly addressFailures: RateLimiterAbstract;
  private readonly accountLockout: RateLimiterAbstract;
  private readonly addressLockout: RateLimiterAbstract;
  private readonly accountDelay: RateLimiterAbstract;
  private readonly lockoutSeconds: number;
  private readonly delaySeconds: number;

  constructor(
    store: RateLimiterStore,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    const { failuresPerAccount, failuresPerAddress, lockoutSeconds, delaySeconds } = config.rateLimits.login;
    this.accountFailures = store.create(
      'login-failures-account',
      failuresPerAccount.points,
      failuresPerAccount.durationSeconds,
    );
    this.addressFailures = store.create(
      'login-failures-address',
      failuresPerAddress.points,
      failuresPerAddress.durationSeconds,
    );
    // Lockouts and delays are blocked keys (block() lasts as long as it is told); one point each.
    this.accountLockout = store.create('login-lockout-account', 1, lockoutSeconds);
    this.addressLockout = store.create('login-lockout-address', 1, lockoutSeconds);
    this.accountDelay = store.create('login-delay-account', 1, 1);
    this.lockoutSeconds = lockoutSeconds;
    this.delaySeconds = delaySeconds;
  }

  /** Refuses with RATE_LIMITED while the email or the address waits or is locked out; else reserves a failure. */
  async begin(attempt: LoginAttempt): Promise<LoginTicket> {
    const waits = await Promise.all([
      blockedMs(this.accountLockout, attempt.accountKey),
      blockedMs(this.accountDelay, attempt.accountKey),
      attempt.address ? blockedMs(this.addressLockout, attempt.address) : 0,
    ]);
    const wait = Math.max(...waits);
    if (wait > 0) throw this.refuse(wait);
    const [account, address] = await Promise.all([
      consumed(this.accountFailures, attempt.accountKey),
      attempt.address ? consumed(this.addressFailures, attempt.address) : { points: 0, refusedMs: 0 },
    ]);
    // More attempts at once than failures allowed: the ones in flight decide the lockout.
    if (account.refusedMs > 0 || address.refusedMs > 0)
      throw this.refuse(Math.max(account.refusedMs, address.refusedMs));
    return { accountFailures: account.points, addressFailures: address.points };
  }

  private refuse(ms: number) {
    this.metrics.rateLimitRefusals.inc({ limit: 'login' });
    return lockedOut(ms);
  }

  /** A correct password: the email starts counting afresh, and the address gets its reserved failure back. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all([
      this.accountFailures.delete(attempt.accountKey),
      attempt.address ? this.addressFailures.reward(attempt.address, 1) : undefined,
    ]);
  }

  /** A wrong password or an unknown email: starts the delay or the lockout that the count has reached. */
  async failed(attempt: LoginAttempt, ticket: LoginTicket): Promise<LoginFailureOutcome> {
    const outcome: LoginFailureOutcome = { consecutiveFailures: ticket.accountFailures };
    const work: Promise<unknown>[] = [];
    if (ticket.accountFailures >= this.accountFailures.points) {
      outcome.lockedOutSeconds = this.lockoutSeconds;
      work.push(this.accountLockout.block(attempt.accountKey, this.lockoutSeconds));
      work.push(this.accountFailures.delete(attempt.accountKey));
    } else if (this.delaySeconds > 0 && ticket.accountFailures >= 2) {
      const delay = Math.min(this.lockoutSeconds, this.delaySeconds * 2 ** (ticket.accountFailures - 2));
      work.push(this.accountDelay.block(attempt.accountKey, delay));
    }
    if (attempt.address && ticket.addressFailures >= this.addressFailures.points) {
      outcome.addressLockedOutSeconds = this.lockoutSeconds;
      work.push(this.addressLockout.block(attempt.address, this.lockoutSeconds));
      work.push(this.addressFailures.delete(attempt.address));
    }
    await Promise.all(work);
    return outcome;
  }
}

function lockedOut(ms: number) {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return rateLimited(seconds, `${LOCKED} ${seconds} s.`);
}

/** Milliseconds a blocked key stays blocked, 0 when it is not blocked. */
async function blockedMs(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const state = await limiter.get(key);
  return state !== null && state.consumedPoints > limiter.points ? Math.max(1, state.msBeforeNext) : 0;
}

/** Counts one point: how many are used now, and how long to wait when that is over the limit. */
async function consumed(limiter: RateLimiterAbstract, key: string): Promise<{ points: number; refusedMs: number }> {
  try {
    const state = await limiter.consume(key);
    return { points: state.consumedPoints, refusedMs: 0 };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return { points: refusal.consumedPoints, refusedMs: Math.max(1, refusal.msBeforeNext) };
  }
}
