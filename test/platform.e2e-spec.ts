import * as fs from 'node:fs';
import * as net from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ERROR_CODES } from '#tradegraph/common';
import { GRAPH_MIGRATIONS, GraphMigrator, Neo4jService } from '#tradegraph/graph';
import {
  getNullableType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  isObjectType,
} from 'graphql';
import { renderSchema } from '../apps/api/src/schema/print-schema.js';
import { newPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('health', () => {
    it('answers liveness without a token', async () => {
      const res = await t.http().get('/health/live');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('reports readiness of Neo4j and the SQL database', async () => {
      const res = await t.http().get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', checks: { neo4j: 'up', sql: 'up' } });
    });

    it('echoes a sane x-request-id and invents one otherwise', async () => {
      expect((await t.http().get('/health/live').set('x-request-id', 'abc-123')).headers['x-request-id']).toBe(
        'abc-123',
      );
      const invented = (await t.http().get('/health/live').set('x-request-id', 'bad id!')).headers['x-request-id'];
      expect(invented).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('migrations', () => {
    it('records every graph migration version and applies nothing on a second run', async () => {
      const migrator = t.app.get(GraphMigrator);
      expect(await migrator.appliedVersions()).toEqual(GRAPH_MIGRATIONS.map((m) => m.version));
      expect(await migrator.migrate()).toEqual([]);
    });

    it('can re-run every graph migration statement without changing the graph', async () => {
      const snapshot = async () => [
        await t.neo4j.read(
          'MATCH (c:Category) OPTIONAL MATCH (c)-[r:CHILD_OF]->() RETURN count(c) AS c, count(r) AS r',
        ),
        await t.neo4j.read('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name'),
        await t.neo4j.read('SHOW INDEXES YIELD name RETURN name ORDER BY name'),
      ];
      const before = await snapshot();
      for (const migration of GRAPH_MIGRATIONS) {
        for (const statement of migration.statements) {
          if ('run' in statement) await statement.run(t.app.get(Neo4jService), 'GraphMigrator.migrate:again', {});
          else await t.neo4j.write(statement.cypher, statement.params ?? {});
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it('has no pending SQL migration after start-up', async () => {
      expect(await t.sql.showMigrations()).toBe(false);
      expect(await t.sql.runMigrations()).toEqual([]);
    });
  });

  describe('schema contract', () => {
    const liveSchema = (): GraphQLSchema => t.app.get(GraphQLSchemaHost).schema;

    it('matches the committed schema/schema.graphql (run `npm run schema:emit` when this fails)', () => {
      expect(renderSchema(liveSchema())).toBe(fs.readFileSync('schema/schema.graphql', 'utf8'));
    });

    it('describes every type, field, argument and enum value', () => {
      const missing: string[] = [];
      for (const type of Object.values(liveSchema().getTypeMap())) {
        if (isIntrospectionType(type)) continue;
        if (!type.description) missing.push(type.name);
        if (isObjectType(type) || isInputObjectType(type)) {
          for (const field of Object.values(type.getFields())) {
            if (!field.description) missing.push(`${type.name}.${field.name}`);
            for (const arg of 'args' in field ? field.args : []) {
              if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
        if (isEnumType(type)) {
          for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('pages every list through a Relay connection, but for short lists whose bound the description states', () => {
      const problems: string[] = [];
      for (const type of Object.values(liveSchema().getTypeMap())) {
        if (!isObjectType(type) || isIntrospectionType(type)) continue;
        for (const field of Object.values(type.getFields())) {
          if (!isListType(getNullableType(field.type))) continue;
          if (type.name.endsWith('Connection') && field.name === 'edges') continue;
          if (!/not paginated/i.test(field.description ?? '')) problems.push(`${type.name}.${field.name}`);
        }
        if (type.name.endsWith('Connection')) {
          const pageInfo = type.getFields().pageInfo;
          if (String(pageInfo?.type) !== 'PageInfo!') problems.push(`${type.name}.pageInfo`);
        }
      }
      expect(problems).toEqual([]);
      const pageInfo = liveSchema().getType('PageInfo');
      expect(isObjectType(pageInfo) && Object.keys(pageInfo.getFields()).sort()).toEqual([
        'endCursor',
        'hasNextPage',
        'hasPreviousPage',
        'startCursor',
      ]);
    });

    it('ends every mutation description with the error codes it can return, all of them documented codes', () => {
      const codes = new Set<string>(ERROR_CODES);
      const problems: string[] = [];
      const mutations = Object.values(liveSchema().getMutationType()?.getFields() ?? {});
      expect(mutations.length).toBeGreaterThan(0);
      for (const mutation of mutations) {
        const sentence = /Errors: ([^]+)\.$/.exec(mutation.description ?? '')?.[1];
        if (sentence === undefined) {
          problems.push(`${mutation.name}: no closing "Errors:" sentence`);
          continue;
        }
        if (sentence === 'none beyond those of every operation') continue;
        // Items are "CODE (when)", separated by commas; the parentheses may hold commas themselves.
        for (const item of sentence.split(/, (?=[A-Z_]+ \()/)) {
          const code = /^([A-Z_]+) \([^()]+\)$/.exec(item)?.[1];
          if (code === undefined || !codes.has(code)) problems.push(`${mutation.name}: ${item}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('errors and limits', () => {
    it('reports an invalid query as GRAPHQL_VALIDATION_FAILED without internals', async () => {
      const res = await t.gql('query { nope }');
      expect(res.status).toBe(400);
      const error = onlyError(res);
      expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(JSON.stringify(res)).not.toMatch(/stack|at \/|node_modules/);
    });

    it('rejects operations nested deeper than the limit before running them', async () => {
      const person = await newPerson(t);
      let selection = 'id';
      for (let i = 0; i < 4; i += 1) selection = `employments { edges { node { person { ${selection} } } } }`;
      const res = await t.gql(`query { me { ${selection} } }`, {}, person.token);
      const error = onlyError(res);
      expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth', max: 16 });
      expect(error.message).toMatch(/depth limit of 16/);
    });

    it('rejects request bodies over the size limit', async () => {
      const res = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: `query { __typename } # ${'x'.repeat(1_100_000)}` });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ code: 'BAD_USER_INPUT', message: expect.any(String) });
    });

    it('rejects a malformed Date argument with BAD_USER_INPUT', async () => {
      const person = await newPerson(t);
      const res = await t.gql(
        'mutation { endEmployment(employmentId: "x", endedOn: "2024-02-30") { id } }',
        {},
        person.token,
      );
      expect(onlyError(res).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('when Neo4j becomes unreachable', () => {
    it('answers SERVICE_UNAVAILABLE without driver details, and readiness turns 503', async () => {
      const proxy = await startProxy(new URL(t.config.neo4j.uri!.replace('bolt:', 'http:')).port);
      const proxiedUri = `bolt://127.0.0.1:${proxy.port}`;
      const trusted = process.env.TRADEGRAPH_TEST_NEO4J;
      process.env.TRADEGRAPH_TEST_NEO4J = proxiedUri;
      const other = await createTestApp({ NEO4J_URI: proxiedUri }).finally(() => {
        process.env.TRADEGRAPH_TEST_NEO4J = trusted;
      });
      try {
        const person = await newPerson(other);
        await proxy.close();
        const res = await other.gql('query { me { id name } }', {}, person.token);
        const error = onlyError(res);
        expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
        expect(error.message).toBe('A database is unavailable; please retry shortly.');
        const ready = await other.http().get('/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.body.checks).toEqual({ neo4j: 'down', sql: 'up' });
      } finally {
        await other.close();
      }
    });
  });
});

/** A TCP relay to the test Neo4j that can be cut, to simulate the database going away. */
async function startProxy(targetPort: string): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(targetPort), '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
