import { GqlError, TestApp } from './test-app.js';

export interface RawResponse {
  status: number;
  retryAfter?: string;
  data: Record<string, any> | null | undefined;
  errors?: GqlError[];
}

/**
 * One GraphQL request over HTTP with the response's status and Retry-After header. `from` is sent
 * as X-Forwarded-For, which the rate-limit tests trust (TRUST_PROXY=loopback) to act as separate
 * client addresses.
 */
export async function send(
  t: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; from?: string } = {},
): Promise<RawResponse> {
  const req = t.http().post('/graphql').set('content-type', 'application/json');
  if (options.token) req.set('authorization', `Bearer ${options.token}`);
  if (options.from) req.set('x-forwarded-for', options.from);
  const res = await req.send({ query, variables });
  return { status: res.status, retryAfter: res.headers['retry-after'], data: res.body.data, errors: res.body.errors };
}

/** Sends `count` requests one after another; rate limits are about order, so never concurrently. */
export async function sendTimes(count: number, request: () => Promise<RawResponse>): Promise<RawResponse[]> {
  const responses: RawResponse[] = [];
  for (let i = 0; i < count; i++) responses.push(await request());
  return responses;
}

/** Fails the test unless `res` is a single RATE_LIMITED refusal with HTTP 429 and a matching Retry-After. */
export function expectRateLimited(res: RawResponse, message?: RegExp): number {
  expect(res.status).toBe(429);
  expect(res.errors).toHaveLength(1);
  const [error] = res.errors!;
  expect(error.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  const seconds = error.extensions.retryAfterSeconds as number;
  expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
  expect(res.retryAfter).toBe(String(seconds));
  if (message) expect(error.message).toMatch(message);
  return seconds;
}

/** Fails the test unless `res` has no errors. */
export function expectOk(res: RawResponse): void {
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
}
