import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INestApplication } from '@nestjs/common';
import neo4j, { Driver } from 'neo4j-driver';
import request from 'supertest';
import { TokensService } from '#tradegraph/accounts';
import { freePort } from '#tradegraph/common';
import { countRelationships, DemoNetworkService, generatedIdPrefix, generateNetwork } from '#tradegraph/demo';
import { LocalNeo4j, startLocalNeo4j } from '#tradegraph/graph';
import { createApp } from '../apps/api/src/configure-app.js';
import { createTestApp, TestApp } from './support/test-app.js';

const SEED = 23;
const PEOPLE = 1500;
const TODAY = '2026-06-15';
const PREFIX = generatedIdPrefix(SEED);

/** Runs the built generator as `npm run demo:generate` would, with its output kept for the failure message. */
function generate(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, ['dist/apps/api/src/generate-network.js', ...args], {
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** A property value as text with its type, so that a date and the same day as a string differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  for (const [type, is] of [
    ['date', neo4j.isDate],
    ['datetime', neo4j.isDateTime],
    ['localdatetime', neo4j.isLocalDateTime],
  ] as const) {
    if (is(value)) return `${type}:${String(value)}`;
  }
  return `${typeof value}:${String(value)}`;
}

const describeProperties = (properties: Record<string, unknown>) =>
  Object.keys(properties)
    .sort()
    .map((key) => `${key}=${canonical(properties[key])}`)
    .join(' ');

/** Every generated node and relationship, and the categories, as sorted lines: two graphs are equal when these are. */
async function dump(driver: Driver): Promise<{ nodes: string[]; relationships: string[]; schema: string[] }> {
  const run = async (cypher: string) =>
    (await driver.executeQuery(cypher, { prefix: PREFIX }, { routing: neo4j.routing.READ })).records.map((r) =>
      r.toObject(),
    );
  const nodes = (
    await run('MATCH (n) WHERE n.id STARTS WITH $prefix OR n:Category RETURN labels(n) AS labels, properties(n) AS p')
  ).map((row) => `${[...(row.labels as string[])].sort().join(':')} ${describeProperties(row.p)}`);
  const relationships = (
    await run(
      `MATCH (a)-[r]->(b) WHERE a.id STARTS WITH $prefix OR b.id STARTS WITH $prefix OR (a:Category AND b:Category)
       RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS p`,
    )
  ).map((row) => `${row.a} -${row.type}-> ${row.b} ${describeProperties(row.p)}`);
  const constraints = (await run('SHOW CONSTRAINTS YIELD name RETURN name')).map((row) => `constraint ${row.name}`);
  const indexes = (await run("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")).map(
    (row) => `index ${row.name}`,
  );
  const migrations = (await run('MATCH (m:GraphMigration) RETURN m.version AS v')).map((row) => `migration ${row.v}`);
  return {
    nodes: nodes.sort(),
    relationships: relationships.sort(),
    schema: [...constraints, ...indexes, ...migrations].sort(),
  };
}

describe('loading a generated network with the offline importer', () => {
  let t: TestApp;
  let local: LocalNeo4j | undefined;
  let offlineDriver: Driver | undefined;
  let testDriver: Driver | undefined;
  let offlineApp: INestApplication | undefined;
  let homeDir: string;
  let output: string;
  let relationships: number;

  beforeAll(async () => {
    t = await createTestApp();
    const service = t.app.get(DemoNetworkService);
    const network = generateNetwork({
      seed: SEED,
      people: PEOPLE,
      shape: 'heavy-tailed',
      today: TODAY,
      taxonomy: await service.taxonomy(),
    });
    await service.load(network, { batchSize: 5000 });
    relationships = countRelationships(network);
    homeDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-offline-')), 'neo4j');
    const generated = await generate([
      ...['--people', String(PEOPLE), '--seed', String(SEED), '--shape', 'heavy-tailed', '--today', TODAY],
      ...['--offline', homeDir],
    ]);
    output = generated.output;
    if (generated.code !== 0) throw new Error(`generate-network --offline failed:\n${output}`);
    local = await startLocalNeo4j({ homeDir, boltPort: await freePort(), heapMb: 512, pageCacheMb: 128 });
    offlineDriver = neo4j.driver(local.uri);
    const { uri, username, password } = t.config.neo4j;
    testDriver = neo4j.driver(uri!, username ? neo4j.auth.basic(username, password ?? '') : undefined);
  }, 300_000);
  afterAll(async () => {
    await offlineApp?.close();
    await offlineDriver?.close();
    await testDriver?.close();
    await local?.stop();
    if (homeDir) fs.rmSync(path.dirname(homeDir), { recursive: true, force: true });
    await t.close();
  });

  it('builds the same graph as the batched transactions: nodes, relationships, properties and their types', async () => {
    const transactional = await dump(testDriver!);
    const offline = await dump(offlineDriver!);
    expect(offline.nodes.length).toBeGreaterThan(PEOPLE);
    expect(offline.relationships.length).toBeGreaterThan(PEOPLE * 5);
    expect(offline.nodes).toEqual(transactional.nodes);
    expect(offline.relationships).toEqual(transactional.relationships);
  });

  it('applies every graph migration, so constraints and indexes are in place and online', async () => {
    const transactional = await dump(testDriver!);
    const offline = await dump(offlineDriver!);
    expect(offline.schema).toEqual(transactional.schema);
    expect(offline.schema).toContain('constraint person_id');
  });

  it('answers networkTradersWith and connectionPath through the API over the imported store as over the other', async () => {
    // The API started as the tests start it, on the imported store (no reset: it holds the network).
    offlineApp = await createApp({ ...t.config, neo4j: { ...t.config.neo4j, uri: local!.uri, username: undefined } });
    await offlineApp.init();
    const first = async (cypher: string) =>
      (await testDriver!.executeQuery(cypher, { prefix: PREFIX }, { routing: neo4j.routing.READ })).records[0].get(0);
    const supplierId: string = await first(
      `MATCH (s:Organization)<-[:SUPPLIER]-(t:Trade {status: 'CONFIRMED'}) WHERE s.id STARTS WITH $prefix
       WITH s, count(t) AS trades ORDER BY trades DESC, s.id LIMIT 1 RETURN s.id`,
    );
    const viewerId: string = await first(
      `MATCH (p:Person)-[:CONNECTED_TO]-() WHERE p.id STARTS WITH $prefix
       WITH p, count(*) AS connections ORDER BY connections DESC, p.id LIMIT 1 RETURN p.id`,
    );
    // Generated people have no accounts: the viewer gets one (the SQL database is shared by both APIs).
    const email = `offline-viewer@test.example`;
    await t.sql.query('INSERT INTO accounts (id, email, email_normalized, password_hash) VALUES (?, ?, ?, ?)', [
      viewerId,
      email,
      email,
      'not-a-hash',
    ]);
    const { accessToken } = await t.app.get(TokensService).issue({ id: viewerId, email, emailVerified: true });
    const ask = async (app: INestApplication, query: string, variables: Record<string, unknown>) => {
      const res = await request(app.getHttpServer())
        .post('/graphql')
        .set('authorization', `Bearer ${accessToken}`)
        .send({ query, variables });
      expect(res.body.errors).toBeUndefined();
      return res.body.data;
    };
    const traders = `query($id: ID!) { networkTradersWith(supplierId: $id, maxDegree: 3, first: 50) {
      totalCount edges { node { degree tradeCount lastTradedOn averageRating person { id } organization { id } } }
    } }`;
    const transactional = await ask(t.app, traders, { id: supplierId });
    expect(transactional.networkTradersWith.totalCount).toBeGreaterThan(0);
    expect(await ask(offlineApp, traders, { id: supplierId })).toEqual(transactional);

    // The path to the farthest of them: its length and ends (ties between equal paths may break either way).
    const farthest = transactional.networkTradersWith.edges.at(-1).node.person.id;
    const path = `query($to: ID!) { connectionPath(toPersonId: $to) { people { id } } }`;
    const ends = (data: any) => {
      const people = data.connectionPath.people.map((person: { id: string }) => person.id);
      return [people.length, people[0], people.at(-1)];
    };
    const transactionalPath = ends(await ask(t.app, path, { to: farthest }));
    expect(transactionalPath).toEqual([expect.any(Number), viewerId, farthest]);
    expect(ends(await ask(offlineApp, path, { to: farthest }))).toEqual(transactionalPath);
  });

  it('reports what it imported, how fast, and the distributions', () => {
    expect(output).toMatch(new RegExp(`Imported \\d+ nodes and ${relationships} relationships .* relationships/s`));
    expect(output).toContain('connections per person: min');
  });

  it('refuses a home that already holds a database, and leaves it as it was', async () => {
    const again = await generate(['--people', '100', '--seed', '99', '--offline', homeDir]);
    expect(again.code).toBe(1);
    expect(again.output).toContain('already holds a Neo4j store');
    const [row] = (
      await offlineDriver!.executeQuery('MATCH (p:Person) RETURN count(p) AS n', {}, { routing: neo4j.routing.READ })
    ).records;
    expect(row.get('n').toNumber()).toBe(PEOPLE);
  });

  it('explains a bad combination of options', async () => {
    const result = await generate(['--people', '100', '--offline', homeDir, '--force']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('--offline builds a new database');
  });
});
