import { isIP } from 'node:net';

/** At most `points` in any window of `durationSeconds` (fixed windows, counted from the first point). */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** The limits of docs/operations.md ("Rate limits"). Each top-level GraphQL field counts one point. */
export interface RateLimitsConfig {
  /** Every query and mutation field from one client address. */
  perAddress: RateLimit;
  /** Query and subscription fields of one account. */
  queriesPerAccount: RateLimit;
  /** The graph searches (networkTradersWith, supplierShortlist, …) of one account. */
  networkQueriesPerAccount: RateLimit;
  /** Mutation fields of one account. */
  mutationsPerAccount: RateLimit;
  /** One mutation field (endorseSupplier, say) of one account. */
  sameMutationPerAccount: RateLimit;
  /** `register` from one client address. */
  registerPerAddress: RateLimit;
  /** Each mail-sending mutation (resendVerificationEmail, requestPasswordReset, changeEmail) of one account or address. */
  accountEmails: RateLimit;
  login: {
    /** Failed logins for one email before it is locked out, and the window they are counted in. */
    failuresPerAccount: RateLimit;
    /** Failed logins from one client address before it is locked out. */
    failuresPerAddress: RateLimit;
    lockoutSeconds: number;
    /** Wait after the second consecutive failure of an email, doubling with each further one; 0 for none. */
    delaySeconds: number;
  };
}

/** Express's `trust proxy`: false, true, a number of hops, or a list of proxy addresses / subnets. */
export type TrustProxy = boolean | number | string;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;
const MAX_SECONDS = 86_400;
const DURATION = /^(\d+)(s|m|h)?$/;

type Text = (name: string) => string | undefined;

/** Reads the RATE_LIMIT_* variables; each problem is added to `problems`. */
export function loadRateLimits(text: Text, problems: string[]): RateLimitsConfig {
  const seconds = (raw: string): number | undefined => {
    const match = DURATION.exec(raw);
    if (!match) return undefined;
    return Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's') as keyof typeof UNIT_SECONDS];
  };
  const duration = (name: string, fallback: string, min: number): number => {
    const raw = text(name) ?? fallback;
    const value = seconds(raw);
    if (value === undefined || value < min || value > MAX_SECONDS) {
      problems.push(`${name} must be a duration such as 30s, 15m or 1h, from ${min}s to 24h (got "${raw}")`);
      return seconds(fallback) as number;
    }
    return value;
  };
  const parseRate = (raw: string): RateLimit | undefined => {
    const [count, window, ...rest] = raw.split('/').map((part) => part.trim());
    const points = Number(count);
    const durationSeconds = window === undefined ? undefined : seconds(window);
    if (rest.length > 0 || !Number.isInteger(points) || points < 1 || points > 1_000_000) return undefined;
    if (durationSeconds === undefined || durationSeconds < 1 || durationSeconds > MAX_SECONDS) return undefined;
    return { points, durationSeconds };
  };
  const rate = (name: string, fallback: string): RateLimit => {
    const raw = text(name) ?? fallback;
    const value = parseRate(raw);
    if (value === undefined) {
      problems.push(`${name} must be COUNT/DURATION such as 30/1m or 10/1h, COUNT 1 to 1000000 (got "${raw}")`);
      return parseRate(fallback) as RateLimit;
    }
    return value;
  };

  return {
    perAddress: rate('RATE_LIMIT_PER_ADDRESS', '1200/1m'),
    queriesPerAccount: rate('RATE_LIMIT_QUERIES_PER_ACCOUNT', '600/1m'),
    networkQueriesPerAccount: rate('RATE_LIMIT_NETWORK_QUERIES_PER_ACCOUNT', '30/1m'),
    mutationsPerAccount: rate('RATE_LIMIT_MUTATIONS_PER_ACCOUNT', '30/1m'),
    sameMutationPerAccount: rate('RATE_LIMIT_SAME_MUTATION_PER_ACCOUNT', '10/1m'),
    registerPerAddress: rate('RATE_LIMIT_REGISTER_PER_ADDRESS', '10/1h'),
    accountEmails: rate('RATE_LIMIT_ACCOUNT_EMAILS', '5/1h'),
    login: {
      failuresPerAccount: rate('RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT', '5/15m'),
      failuresPerAddress: rate('RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS', '20/15m'),
      lockoutSeconds: duration('RATE_LIMIT_LOGIN_LOCKOUT', '15m', 1),
      delaySeconds: duration('RATE_LIMIT_LOGIN_DELAY', '1s', 0),
    },
  };
}

const NAMED_SUBNETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Reads TRUST_PROXY: unset or false, true, a hop count, or comma-separated proxy addresses and subnets. */
export function loadTrustProxy(text: Text, problems: string[]): TrustProxy {
  const raw = text('TRUST_PROXY');
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((part) => part.trim());
  const valid = parts.every((part) => {
    if (NAMED_SUBNETS.has(part)) return true;
    const [address, bits, ...rest] = part.split('/');
    return isIP(address) !== 0 && rest.length === 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
  });
  if (!valid) {
    problems.push(
      `TRUST_PROXY must be true, false, a hop count, or addresses/subnets such as "loopback, 10.0.0.0/8" (got "${raw}")`,
    );
    return false;
  }
  return parts.join(',');
}
