import autocannon from 'autocannon';
import { Driver, session as sessionModes } from 'neo4j-driver';
import pg from 'pg';

/** Nearest-rank percentile (0..100); 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Timings {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export const summarize = (values: readonly number[]): Timings => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
  n: values.length,
});

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** No single request, statement or query of the bench may take longer than this: it fails instead of hanging the run. */
export const CASE_TIMEOUT_MS = 180_000;

/** One GraphQL request over HTTP, timed from send to parsed body. */
export async function timeHttp(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ ms: number; body: GraphQLAnswer }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(CASE_TIMEOUT_MS),
  });
  const body = (await response.json()) as GraphQLAnswer;
  return { ms: performance.now() - started, body };
}

/** One statement in a read transaction, timed until every record is received. */
export async function timeCypher(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
): Promise<{ ms: number; records: Record<string, unknown>[] }> {
  const session = driver.session({ defaultAccessMode: sessionModes.READ });
  try {
    const started = performance.now();
    const result = await session.executeRead((tx) => tx.run(cypher, params), { timeout: CASE_TIMEOUT_MS });
    const ms = performance.now() - started;
    return { ms, records: result.records.map((record) => record.toObject()) };
  } finally {
    await session.close();
  }
}

export async function timeSql(
  client: pg.Client,
  sql: string,
  params: unknown[],
): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  const started = performance.now();
  const result = await client.query(sql, params);
  return { ms: performance.now() - started, rows: result.rows };
}

export interface Throughput {
  name: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  graphqlErrors: number;
}

/** autocannon against the API: `requests` are sent in turn on every connection. */
export async function throughput(
  name: string,
  url: string,
  connections: number,
  seconds: number,
  requests: { token: string; query: string; variables: Record<string, unknown> }[],
): Promise<Throughput> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    requests: requests.map((r) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
      body: JSON.stringify({ query: r.query, variables: r.variables }),
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) graphqlErrors += 1;
      },
    })),
  });
  return {
    name,
    connections,
    seconds,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  };
}
