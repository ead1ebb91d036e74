import * as path from 'node:path';
import { ConfigValidationError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has working defaults for local development', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      dataDir: path.resolve('/srv/app/.data'),
      neo4j: { uri: undefined, database: 'neo4j', localBoltPort: 7687 },
      sql: { type: 'sqlite', file: path.resolve('/srv/app/.data/tradegraph.sqlite') },
      seedDemoData: true,
    });
    expect(config.auth.jwtSecretGenerated).toBe(true);
    expect(config.auth.jwtSecret).toHaveLength(64);
  });

  it('refuses to start in production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
  });

  it('requires SMTP_URL in production, and reads the mail settings', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /SMTP_URL is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must be an smtp/);
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: 'TradeGraph <no-reply@localhost>',
      appUrl: 'http://localhost:3000',
    });
    const mail = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example',
      MAIL_FROM: 'A <a@x.example>',
      APP_URL: 'https://app.example/',
    }).mail;
    expect(mail).toEqual({
      smtpUrl: 'smtps://u:p@mail.example',
      from: 'A <a@x.example>',
      appUrl: 'https://app.example',
    });
  });

  it('does not seed demo data in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://mail.example:587',
    });
    expect(config.seedDemoData).toBe(false);
    expect(config.auth.jwtSecretGenerated).toBe(false);
  });

  it('serves the GraphQL IDE outside production, and in production only with GRAPHQL_IDE=true', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example:587' };
    expect(loadConfig({}).graphql.ide).toBe(true);
    expect(loadConfig({ GRAPHQL_IDE: 'false' }).graphql.ide).toBe(false);
    expect(loadConfig(production).graphql.ide).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_IDE: 'true' }).graphql.ide).toBe(true);
  });

  it('uses PostgreSQL for a postgres:// DATABASE_URL and an external Neo4j for NEO4J_URI', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/tg',
      NEO4J_URI: 'neo4j+s://abc.databases.example',
    });
    expect(config.sql).toEqual({ type: 'postgres', url: 'postgres://u:p@db:5432/tg' });
    expect(config.neo4j.uri).toBe('neo4j+s://abc.databases.example');
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        NEO4J_URI: 'http://x',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short',
        LOG_LEVEL: 'loud',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems).toEqual([
      expect.stringMatching(/^NEO4J_URI/),
      expect.stringMatching(/^DATABASE_URL/),
      expect.stringMatching(/^JWT_SECRET must be at least 32/),
      expect.stringMatching(/^PORT must be an integer/),
      expect.stringMatching(/^LOG_LEVEL must be one of/),
    ]);
  });

  it('accepts a redis:// or rediss:// REDIS_URL for live notifications and refuses anything else', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe('redis://cache:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://u:p@cache:6380/0' }).redisUrl).toBe('rediss://u:p@cache:6380/0');
    expect(() => loadConfig({ REDIS_URL: 'http://cache' })).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    );
  });

  it('bounds Neo4j waits and transactions by default, and lets each limit be set', () => {
    expect(loadConfig({}).neo4j).toMatchObject({
      localMaxRestarts: 3,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeoutMs: 2000,
      maxTransactionRetryTimeMs: 1000,
      transactionTimeoutMs: 5000,
      networkTransactionTimeoutMs: 15_000,
    });
    const set = loadConfig({
      NEO4J_LOCAL_MAX_RESTARTS: '0',
      NEO4J_MAX_POOL_SIZE: '10',
      NEO4J_ACQUISITION_TIMEOUT_MS: '500',
      NEO4J_MAX_RETRY_TIME_MS: '0',
      NEO4J_TX_TIMEOUT_MS: '2000',
      NEO4J_NETWORK_TX_TIMEOUT_MS: '30000',
    }).neo4j;
    expect(set).toMatchObject({
      localMaxRestarts: 0,
      maxConnectionPoolSize: 10,
      connectionAcquisitionTimeoutMs: 500,
      maxTransactionRetryTimeMs: 0,
      transactionTimeoutMs: 2000,
      networkTransactionTimeoutMs: 30_000,
    });
    expect(() => loadConfig({ NEO4J_TX_TIMEOUT_MS: '0' })).toThrow(/NEO4J_TX_TIMEOUT_MS must be an integer from 100/);
    expect(() => loadConfig({ NEO4J_MAX_POOL_SIZE: 'many' })).toThrow(/NEO4J_MAX_POOL_SIZE must be an integer/);
  });

  it('requires NEO4J_USERNAME and NEO4J_PASSWORD together', () => {
    expect(() => loadConfig({ NEO4J_USERNAME: 'neo4j' })).toThrow(/must be set together/);
  });
  it('reads the GraphQL operation limits, with defaults that let ordinary operations through', () => {
    expect(loadConfig({}).graphql.limits).toEqual({
      maxDepth: 16,
      maxAliases: 15,
      maxTokens: 2000,
      maxDirectives: 50,
      maxCost: 10000,
      maxSelections: 5000,
    });
    const limits = loadConfig({
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '0',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_DIRECTIVES: '5',
      GRAPHQL_MAX_COST: '2500',
      GRAPHQL_MAX_SELECTIONS: '1000',
    }).graphql.limits;
    expect(limits).toEqual({
      maxDepth: 8,
      maxAliases: 0,
      maxTokens: 500,
      maxDirectives: 5,
      maxCost: 2500,
      maxSelections: 1000,
    });
    expect(loadConfig({}).graphql.fieldSuggestions).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example:587' }).graphql
        .fieldSuggestions,
    ).toBe(false);
    expect(() => loadConfig({ GRAPHQL_MAX_COST: 'lots', GRAPHQL_MAX_TOKENS: '10' })).toThrow(
      /GRAPHQL_MAX_TOKENS must be an integer from 100[\s\S]*GRAPHQL_MAX_COST must be an integer/,
    );
  });

  it('reads the bounded-work settings, with defaults, and refuses values out of range', () => {
    expect(loadConfig({}).boundedWork).toEqual({
      sourcingAudienceMax: 500,
      notificationRetentionDays: 180,
      notificationMaxPerPerson: 1000,
      notificationPruneIntervalMinutes: 60,
      notificationPruneBatchSize: 10000,
    });
    const bounded = loadConfig({
      SOURCING_AUDIENCE_MAX: '3',
      NOTIFICATION_RETENTION_DAYS: '30',
      NOTIFICATION_MAX_PER_PERSON: '200',
      NOTIFICATION_PRUNE_INTERVAL_MINUTES: '5',
      NOTIFICATION_PRUNE_BATCH_SIZE: '500',
    }).boundedWork;
    expect(bounded).toEqual({
      sourcingAudienceMax: 3,
      notificationRetentionDays: 30,
      notificationMaxPerPerson: 200,
      notificationPruneIntervalMinutes: 5,
      notificationPruneBatchSize: 500,
    });
    expect(() => loadConfig({ SOURCING_AUDIENCE_MAX: '0', NOTIFICATION_RETENTION_DAYS: 'forever' })).toThrow(
      /SOURCING_AUDIENCE_MAX must be an integer from 1[\s\S]*NOTIFICATION_RETENTION_DAYS must be an integer/,
    );
  });
});
