import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { loadObservability, ObservabilityConfig } from './observability.config.js';
import { loadRateLimits, loadTrustProxy, RateLimitsConfig, TrustProxy } from './rate-limits.config.js';
import { loadTrustedDocuments, TrustedDocumentsConfig } from './trusted-documents.config.js';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Every setting the service reads, validated once at start-up. Nothing else reads the environment. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** How many API processes share the port (Node's cluster module); above 1 the shared state lives in Redis. */
  workers: number;
  dataDir: string;
  logLevel: LogLevel;
  neo4j: {
    /** Set when an external Neo4j is used; otherwise the service launches a local one. */
    uri?: string;
    username?: string;
    password?: string;
    database: string;
    localBoltPort: number;
    localHeapMb: number;
    localPageCacheMb: number;
    /** How often the local Neo4j is restarted in a row after it died before the service gives up and exits. */
    localMaxRestarts: number;
    maxConnectionPoolSize: number;
    /** The longest a request waits for a pooled connection (including opening one). */
    connectionAcquisitionTimeoutMs: number;
    /** How long executeRead/executeWrite keep retrying transient failures. */
    maxTransactionRetryTimeMs: number;
    /** The server-side limit of every transaction, unless the caller passes a longer one. */
    transactionTimeoutMs: number;
    /** The limit for the costly network queries (paths, trust ranking). */
    networkTransactionTimeoutMs: number;
  };
  sql: { type: 'sqlite'; file: string } | { type: 'postgres'; url: string };
  auth: {
    jwtSecret: string;
    /** True when no JWT_SECRET was given and a random one was generated for this process. */
    jwtSecretGenerated: boolean;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** How long a used refresh token may be used again (two tabs, a client retry) before reuse revokes the session. */
    refreshReuseGraceSeconds: number;
  };
  graphql: {
    maxBodyBytes: number;
    /** "Did you mean …" in validation errors; off in production, where they reveal the schema. */
    fieldSuggestions: boolean;
    /** Serve the GraphiQL IDE on GET /graphql to browsers (off in production unless GRAPHQL_IDE=true). */
    ide: boolean;
    /** Which operations run: trusted documents by hash only, or free text too (docs/operations.md). */
    trustedDocuments: TrustedDocumentsConfig;
    /** Operation limits, checked before anything executes (docs/operations.md). */
    limits: {
      maxDepth: number;
      maxAliases: number;
      maxTokens: number;
      maxDirectives: number;
      maxCost: number;
      maxSelections: number;
    };
  };
  /** Set to share live notifications between API instances through Redis; otherwise in-process. */
  redisUrl?: string;
  /** Request limits and login lockout; shared between instances through Redis when REDIS_URL is set. */
  rateLimits: RateLimitsConfig;
  /** Which proxies Express trusts for the client address (req.ip) that rate limits count by. */
  trustProxy: TrustProxy;
  /** Caps on work a single request or job does (docs/operations.md, "Bounded work"). */
  boundedWork: {
    /** Most people a sourcing request is shown to and notifies, the nearest first. */
    sourcingAudienceMax: number;
    /** Notifications older than this are pruned. */
    notificationRetentionDays: number;
    /** Beyond a person's newest this many, notifications are pruned. */
    notificationMaxPerPerson: number;
    notificationPruneIntervalMinutes: number;
    /** Most notifications one prune transaction deletes. */
    notificationPruneBatchSize: number;
  };
  /** Log format, trace export and the metrics endpoint. */
  observability: ObservabilityConfig;
  /** Outgoing mail (verification, password reset, email change); see README, "Email". */
  mail: {
    /** SMTP server to send through; unset outside production: mail is written to `DATA_DIR/mail/` instead. */
    smtpUrl?: string;
    /** The sender of every mail. */
    from: string;
    /** Where the links in mails point: the front end's pages that call verifyEmail / resetPassword. */
    appUrl: string;
  };
  seedDemoData: boolean;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws ConfigValidationError listing every problem at once. */
export function loadConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const nodeEnv = oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const dataDir = path.resolve(cwd, text('DATA_DIR') ?? '.data');

  const neo4jUri = text('NEO4J_URI');
  if (neo4jUri !== undefined && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(neo4jUri)) {
    problems.push(`NEO4J_URI must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI`);
  }
  const neo4jUsername = text('NEO4J_USERNAME');
  const neo4jPassword = text('NEO4J_PASSWORD');
  if ((neo4jUsername === undefined) !== (neo4jPassword === undefined)) {
    problems.push('NEO4J_USERNAME and NEO4J_PASSWORD must be set together');
  }

  const databaseUrl = text('DATABASE_URL');
  let sql: AppConfig['sql'] = { type: 'sqlite', file: path.join(dataDir, 'tradegraph.sqlite') };
  if (databaseUrl !== undefined) {
    if (/^postgres(ql)?:\/\//.test(databaseUrl)) sql = { type: 'postgres', url: databaseUrl };
    else if (databaseUrl.startsWith('sqlite:'))
      sql = { type: 'sqlite', file: path.resolve(cwd, databaseUrl.slice('sqlite:'.length)) };
    else problems.push('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
  }

  const redisUrl = text('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  let jwtSecret = text('JWT_SECRET');
  const jwtSecretGenerated = jwtSecret === undefined;
  if (jwtSecret === undefined) {
    if (nodeEnv === 'production') problems.push('JWT_SECRET is required when NODE_ENV=production');
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }

  const smtpUrl = text('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  if (smtpUrl === undefined && nodeEnv === 'production') {
    problems.push('SMTP_URL is required when NODE_ENV=production (verification and password-reset mail)');
  }
  const port = int('PORT', 3000, 0, 65535);
  const workers = int('API_WORKERS', 1, 1, 64);
  if (workers > 1 && redisUrl === undefined) {
    problems.push(
      'API_WORKERS above 1 needs REDIS_URL: rate limits, login lockout, sessions and live notifications must be shared by the workers',
    );
  }
  const appUrl = (text('APP_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(appUrl)) problems.push('APP_URL must be an http:// or https:// URL');

  const config: AppConfig = {
    nodeEnv,
    host: text('HOST') ?? '0.0.0.0',
    port,
    workers,
    dataDir,
    logLevel: oneOf<LogLevel>('LOG_LEVEL', ['debug', 'info', 'warn', 'error'], nodeEnv === 'test' ? 'warn' : 'info'),
    neo4j: {
      uri: neo4jUri,
      username: neo4jUsername,
      password: neo4jPassword,
      database: text('NEO4J_DATABASE') ?? 'neo4j',
      localBoltPort: int('NEO4J_BOLT_PORT', 7687, 1, 65535),
      localHeapMb: int('NEO4J_HEAP_MB', 512, 128, 65536),
      localPageCacheMb: int('NEO4J_PAGECACHE_MB', 256, 16, 65536),
      localMaxRestarts: int('NEO4J_LOCAL_MAX_RESTARTS', 3, 0, 100),
      maxConnectionPoolSize: int('NEO4J_MAX_POOL_SIZE', 50, 1, 1000),
      connectionAcquisitionTimeoutMs: int('NEO4J_ACQUISITION_TIMEOUT_MS', 2000, 100, 60_000),
      maxTransactionRetryTimeMs: int('NEO4J_MAX_RETRY_TIME_MS', 1000, 0, 60_000),
      transactionTimeoutMs: int('NEO4J_TX_TIMEOUT_MS', 5000, 100, 3_600_000),
      networkTransactionTimeoutMs: int('NEO4J_NETWORK_TX_TIMEOUT_MS', 15_000, 100, 3_600_000),
    },
    sql,
    auth: {
      jwtSecret,
      jwtSecretGenerated,
      accessTokenTtlSeconds: int('JWT_ACCESS_TTL_SECONDS', 900, 30, 86400),
      refreshTokenTtlDays: int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
      refreshReuseGraceSeconds: int('REFRESH_TOKEN_REUSE_GRACE_SECONDS', 10, 0, 60),
    },
    graphql: {
      maxBodyBytes: int('GRAPHQL_MAX_BODY_BYTES', 1_000_000, 1_000, 50_000_000),
      fieldSuggestions: bool('GRAPHQL_FIELD_SUGGESTIONS', nodeEnv !== 'production'),
      limits: {
        maxDepth: int('GRAPHQL_MAX_DEPTH', 16, 2, 100),
        maxAliases: int('GRAPHQL_MAX_ALIASES', 15, 0, 1_000),
        maxTokens: int('GRAPHQL_MAX_TOKENS', 2_000, 100, 100_000),
        maxDirectives: int('GRAPHQL_MAX_DIRECTIVES', 50, 0, 1_000),
        maxCost: int('GRAPHQL_MAX_COST', 10_000, 10, 100_000_000),
        maxSelections: int('GRAPHQL_MAX_SELECTIONS', 5_000, 100, 1_000_000),
      },
      ide: bool('GRAPHQL_IDE', nodeEnv !== 'production'),
      trustedDocuments: loadTrustedDocuments(text, problems, cwd),
    },
    redisUrl,
    rateLimits: loadRateLimits(text, problems),
    trustProxy: loadTrustProxy(text, problems),
    boundedWork: {
      sourcingAudienceMax: int('SOURCING_AUDIENCE_MAX', 500, 1, 10_000),
      notificationRetentionDays: int('NOTIFICATION_RETENTION_DAYS', 180, 1, 3650),
      notificationMaxPerPerson: int('NOTIFICATION_MAX_PER_PERSON', 1000, 1, 100_000),
      notificationPruneIntervalMinutes: int('NOTIFICATION_PRUNE_INTERVAL_MINUTES', 60, 1, 10_080),
      notificationPruneBatchSize: int('NOTIFICATION_PRUNE_BATCH_SIZE', 10_000, 100, 100_000),
    },
    observability: loadObservability(text, problems, nodeEnv, process.stdout.isTTY === true),
    mail: { smtpUrl, from: text('MAIL_FROM') ?? 'TradeGraph <no-reply@localhost>', appUrl },
    seedDemoData: bool('SEED_DEMO_DATA', nodeEnv === 'development'),
  };
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
