import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createHttpLogger, ObservedRequest } from './http-logger.js';

/** Runs one request through the middleware on a real server and returns the JSON lines it logged. */
async function logLines(handle: (req: ObservedRequest, res: http.ServerResponse) => void, path: string, headers = {}) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createHttpLogger({ level: 'info', pretty: false }, destination);
  const server = http.createServer((req, res) => logger(req, res, () => handle(req as ObservedRequest, res)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { lines, response };
  } finally {
    server.close();
  }
}

describe('createHttpLogger', () => {
  it('logs one line per request with the request id, the path without its query, status, duration and the operation', async () => {
    const { lines, response } = await logLines(
      (req, res) => {
        req.user = { id: 'account-1', email: 'ada@example.com' };
        req.graphqlOperation = { operationName: 'Me', operationType: 'query', outcome: 'OK' };
        res.end('{}');
      },
      '/graphql?query=secret',
      { 'x-request-id': 'req-42', authorization: 'Bearer abc.def' },
    );
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      pid: expect.any(Number),
      hostname: expect.any(String),
      requestId: 'req-42',
      req: { method: 'GET', path: '/graphql' },
      res: { statusCode: 200 },
      durationMs: expect.any(Number),
      accountId: 'account-1',
      operationName: 'Me',
      operationType: 'query',
      outcome: 'OK',
      msg: 'request completed',
    });
    expect(JSON.stringify(lines)).not.toMatch(/abc\.def|ada@example|secret/);
  });

  it('redacts passwords, tokens, emails and variables in lines logged during a request', async () => {
    const { lines } = await logLines((req, res) => {
      (req as ObservedRequest & { log: { warn(o: object, m: string): void } }).log.warn(
        {
          email: 'ada@example.com',
          password: 'hunter22',
          accessToken: 'eyJ.access',
          input: { refreshToken: 'refresh-1', newPassword: 'n3w', token: 't0k' },
          variables: { e: 'ada@example.com' },
          authorization: 'Bearer xyz',
          kept: 'visible',
        },
        'inside',
      );
      res.end();
    }, '/x');
    const inside = lines.find((line) => line.msg === 'inside');
    expect(inside).toMatchObject({
      requestId: expect.any(String),
      email: '[redacted]',
      password: '[redacted]',
      accessToken: '[redacted]',
      input: { refreshToken: '[redacted]', newPassword: '[redacted]', token: '[redacted]' },
      variables: '[redacted]',
      authorization: '[redacted]',
      kept: 'visible',
    });
    expect(JSON.stringify(lines)).not.toMatch(/ada@example|hunter22|eyJ|refresh-1|n3w|t0k|xyz/);
  });

  it('invents a request id when the given one is not sane', async () => {
    const { lines, response } = await logLines((_req, res) => res.end(), '/', { 'x-request-id': 'bad id!' });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[0].requestId).toBe(id);
  });
});
