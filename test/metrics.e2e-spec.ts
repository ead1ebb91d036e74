import { newPerson } from './support/factories.js';
import { connected, listen, listenOn, wsClient } from './support/notifications-helpers.js';
import { RedisServer, startRedis, stopRedis } from '#tradegraph/common';
import { createTestApp, TestApp } from './support/test-app.js';

const METRICS_TOKEN = 'metrics-token-for-the-tests';

/** The value of one series in Prometheus text, e.g. `name{a="b"}`; undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A small per-account query limit, to see a refusal counted.
    t = await createTestApp({ METRICS_TOKEN, RATE_LIMIT_QUERIES_PER_ACCOUNT: '5/1m' });
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.text;
  };

  it('answers GET /metrics only with the METRICS_TOKEN', async () => {
    expect((await t.http().get('/metrics')).status).toBe(401);
    expect((await t.http().get('/metrics').set('authorization', 'Bearer wrong-token-of-same-len')).status).toBe(401);
    expect(await scrape()).toContain('# TYPE tradegraph_graphql_requests_total counter');
  });

  it('counts operations by name, type and outcome, with their latency and the latency of each named Cypher statement', async () => {
    const person = await newPerson(t);
    expect((await t.gql('query Me { me { name } }', {}, person.token)).data?.me.name).toBe(person.name);
    expect((await t.gql('query Broken { me { nosuchfield } }', {}, person.token)).errors).toBeDefined();

    const text = await scrape();
    const me = 'operation="Me",type="query",outcome="OK"';
    expect(sample(text, `tradegraph_graphql_requests_total{${me}}`)).toBe(1);
    expect(sample(text, `tradegraph_graphql_request_duration_seconds_count{${me}}`)).toBe(1);
    expect(sample(text, `tradegraph_graphql_request_duration_seconds_bucket{le="+Inf",${me}}`)).toBe(1);
    // Validation fails before the operation is resolved: its name is read from the document, its type is not known.
    expect(
      sample(
        text,
        'tradegraph_graphql_requests_total{operation="Broken",type="unknown",outcome="GRAPHQL_VALIDATION_FAILED"}',
      ),
    ).toBe(1);
    expect(
      sample(text, 'tradegraph_cypher_duration_seconds_count{statement="PeopleRepository.findByIds",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(
        text,
        'tradegraph_cypher_duration_seconds_bucket{le="+Inf",statement="PeopleRepository.findByIds",outcome="ok"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    // No statement without a name reaches the histogram (the test helpers' own Cypher is named "test").
    const statements = [...text.matchAll(/^tradegraph_cypher_duration_seconds_count\{statement="([^"]+)"/gm)].map(
      (match) => match[1],
    );
    expect(
      statements.filter((name) => name !== 'test' && !/^[A-Z][A-Za-z0-9]+\.[a-z][A-Za-z0-9]*(:.+)?$/.test(name)),
    ).toEqual([]);
  });

  it('reports the Neo4j pool, live subscriptions, rate-limit refusals and process metrics', async () => {
    const [limited, listener] = [await newPerson(t), await newPerson(t)];
    for (let i = 0; i < 6; i++) await t.gql('query Me { me { name } }', {}, limited.token);
    const url = await listenOn(t);
    const client = wsClient(url, { authorization: `Bearer ${listener.token}` });
    try {
      const ready = connected(client);
      listen(client);
      await ready;
      // The subscription is registered once the server has handled the subscribe message.
      let text = await scrape();
      for (let i = 0; i < 50 && sample(text, 'tradegraph_live_subscriptions') !== 1; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        text = await scrape();
      }
      expect(sample(text, 'tradegraph_live_subscriptions')).toBe(1);
      expect(sample(text, 'tradegraph_rate_limit_refusals_total{limit="queriesPerAccount"}')).toBe(1);
      expect(
        sample(text, 'tradegraph_graphql_requests_total{operation="Me",type="query",outcome="RATE_LIMITED"}'),
      ).toBe(1);
      expect(sample(text, 'tradegraph_neo4j_pool_connections{state="in_use"}')).toBe(0);
      expect(sample(text, 'tradegraph_neo4j_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'tradegraph_neo4j_pool_connections{state="waiting"}')).toBe(0);
      expect(text).toContain('# TYPE tradegraph_sql_pool_connections gauge');
      if (process.env.DATABASE_URL?.startsWith('postgres')) {
        // CI runs this file on PostgreSQL too: pg's pool, idle between requests.
        expect(sample(text, 'tradegraph_sql_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
        expect(sample(text, 'tradegraph_sql_pool_connections{state="in_use"}')).toBe(0);
        expect(sample(text, 'tradegraph_sql_pool_connections{state="waiting"}')).toBe(0);
      } else {
        // SQLite has one connection and no pool: the gauge is declared, without samples.
        expect(text).not.toMatch(/^tradegraph_sql_pool_connections\{/m);
      }
      expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(text).toContain('nodejs_eventloop_lag_seconds');
    } finally {
      await client.dispose();
    }
  });
});

describe('metrics without METRICS_TOKEN, and readiness with Redis', () => {
  let redis: RedisServer | undefined;
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
    await stopRedis(redis);
  });

  it('serves /metrics to anyone, and reports Redis as a degraded dependency when it stops', async () => {
    redis = await startRedis();
    t = await createTestApp({ REDIS_URL: redis.url });
    expect((await t.http().get('/metrics')).status).toBe(200);

    const up = await t.http().get('/health/ready');
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ok', checks: { neo4j: 'up', sql: 'up', redis: 'up' } });

    await stopRedis(redis);
    redis = undefined;
    const down = await t.http().get('/health/ready');
    expect(down.status).toBe(200);
    expect(down.body).toEqual({ status: 'degraded', checks: { neo4j: 'up', sql: 'up', redis: 'down' } });
  }, 60_000);
});
