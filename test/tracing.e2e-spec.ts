import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, testServiceEnv, waitFor } from './support/service-process.js';
import { TEST_JWT_SECRET } from './support/test-app.js';

/** One span as OTLP/JSON carries it, with its attributes flattened. */
interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
interface OtlpSpan extends Omit<ExportedSpan, 'attributes'> {
  attributes?: { key: string; value: OtlpValue }[];
}
interface OtlpRequest {
  resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const SERVER = 2;
const CLIENT = 3;

/** A stand-in OpenTelemetry collector on loopback: keeps every span posted to /v1/traces (OTLP over HTTP, JSON). */
async function startCollector() {
  const spans: ExportedSpan[] = [];
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        bodies.push(body);
        const parsed = JSON.parse(body) as OtlpRequest;
        for (const span of parsed.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))) {
          const attributes: ExportedSpan['attributes'] = {};
          for (const { key, value } of span.attributes ?? []) {
            attributes[key] = value.stringValue ?? value.boolValue ?? value.doubleValue ?? Number(value.intValue);
          }
          spans.push({ ...span, attributes });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, bodies, close: () => new Promise((r) => server.close(r)) };
}

describe('tracing, with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  it('exports the HTTP span, the GraphQL operation span and a child span per Cypher statement, named by its repository method', async () => {
    const collector = await startCollector();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-tracing-'));
    const port = await freePort();
    let output = '';
    // The way `npm start` runs the service: the tracing bootstrap is preloaded with --import.
    const child = spawn(
      process.execPath,
      ['--import', path.resolve('dist/apps/api/src/tracing.js'), path.resolve('dist/apps/api/src/main.js')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          ...testServiceEnv(port, dataDir),
          JWT_SECRET: TEST_JWT_SECRET,
          LOG_LEVEL: 'info',
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          OTEL_SERVICE_NAME: 'tradegraph-tracing-test',
          OTEL_BSP_SCHEDULE_DELAY: '100',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        () => output.includes('listening at'),
        60_000,
        'the service to listen',
        () => output,
      );
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        return (await res.json()) as { data: Record<string, any> };
      };
      const email = `tracing-${Date.now()}@test.example`;
      const registered = await gql(
        'mutation Register($input: RegisterInput!) { register(input: $input) { accessToken person { id } } }',
        { input: { email, password: 'correct horse battery', name: 'Trace Person' } },
      );
      const { accessToken, person } = registered.data.register;
      const me = await gql('query WhoAmI { me { id name } }', {}, accessToken);
      expect(me.data.me).toEqual({ id: person.id, name: 'Trace Person' });

      // The Cypher span of the query, then everything in its trace.
      const isMeLookup = (span: ExportedSpan) => span.name === 'PeopleRepository.findByIds';
      await waitFor(
        () => collector.spans.some(isMeLookup),
        20_000,
        'the Cypher span of WhoAmI',
        () => output,
      );
      const cypher = collector.spans.find(isMeLookup) as ExportedSpan;
      // The HTTP span ends last, so it may come in a later export.
      await waitFor(
        () => collector.spans.some((span) => span.traceId === cypher.traceId && span.kind === SERVER),
        10_000,
        'the HTTP span of WhoAmI',
        () => output,
      );
      const spans = collector.spans.filter((span) => span.traceId === cypher.traceId);
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const ancestors = (span: ExportedSpan): ExportedSpan[] => {
        const parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
        return parent ? [parent, ...ancestors(parent)] : [];
      };

      const httpSpan = spans.find((span) => span.kind === SERVER) as ExportedSpan;
      expect(httpSpan).toBeDefined();
      expect(httpSpan.parentSpanId || undefined).toBeUndefined();
      expect(httpSpan.attributes['http.request.method'] ?? httpSpan.attributes['http.method']).toBe('POST');
      const operationSpan = spans.find(
        (span) => span.attributes['graphql.operation.name'] === 'WhoAmI',
      ) as ExportedSpan;
      expect(operationSpan).toBeDefined();
      expect(operationSpan.attributes['graphql.operation.type']).toBe('query');
      expect(ancestors(operationSpan)).toContain(httpSpan);

      expect(cypher.kind).toBe(CLIENT);
      expect(ancestors(cypher)).toContain(operationSpan);
      expect(cypher.attributes).toMatchObject({
        'db.system.name': 'neo4j',
        'db.namespace': 'neo4j',
        'db.operation.name': 'PeopleRepository.findByIds',
        'db.response.returned_rows': 1,
      });
      // Every Cypher span of the request sits under its GraphQL operation, and has a Repository.method name.
      const cypherSpans = spans.filter((span) => span.attributes['db.system.name'] === 'neo4j');
      for (const span of cypherSpans) {
        expect(span.name).toMatch(/^[A-Z][A-Za-z]+\.[a-z][A-Za-z]*(:.+)?$/);
        expect(ancestors(span)).toContain(operationSpan);
      }
      // Parameter values never leave the process: not the email, not the token, not the person id as a value.
      const exported = collector.bodies.join('\n');
      expect(exported.includes(email)).toBe(false);
      expect(exported.includes(accessToken)).toBe(false);
      expect(exported.includes('correct horse battery')).toBe(false);
      expect(exported).toContain('PeopleRepository.findByIds');

      // The request's log line: real path, operation, account, outcome; no secrets anywhere in the output.
      await waitFor(
        () => output.includes('"operationName":"WhoAmI"'),
        10_000,
        'the log line',
        () => output,
      );
      const line = output
        .split('\n')
        .filter((text) => text.startsWith('{'))
        .map((text) => JSON.parse(text) as Record<string, any>)
        .find((entry) => entry.operationName === 'WhoAmI');
      expect(line).toMatchObject({
        level: 'info',
        msg: 'request completed',
        requestId: expect.any(String),
        req: { method: 'POST', path: '/graphql' },
        res: { statusCode: 200 },
        durationMs: expect.any(Number),
        operationType: 'query',
        accountId: person.id,
        outcome: 'OK',
      });
      expect(output.includes(email)).toBe(false);
      expect(output.includes(accessToken)).toBe(false);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await collector.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
