import 'reflect-metadata';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MetricsModule, todayIso } from '#tradegraph/common';
import { AppConfig, ConfigModule, ConfigValidationError, loadConfig } from '#tradegraph/config';
import {
  countRelationships,
  DEFAULT_BATCH_SIZE,
  DemoNetworkModule,
  DemoNetworkService,
  defaultShape,
  describeNetwork,
  formatDistributions,
  generateNetwork,
  MAX_GENERATED_PEOPLE,
  NetworkShape,
  TaxonomyRootInput,
} from '#tradegraph/demo';
import { CATEGORY_TAXONOMY, GraphModule } from '#tradegraph/graph';
import { loadOffline } from './generate-network-offline.js';

const USAGE = `Usage: node dist/apps/api/src/generate-network.js --people N [--seed S] [--organizations N]
         [--shape classic|heavy-tailed] [--uri bolt://host:7687] [--batch-size N] [--force]
         [--offline NEO4J_HOME] [--today YYYY-MM-DD]

Generates a deterministic trust network of N people (same seed, same network) and loads it into the
Neo4j at --uri, else NEO4J_URI, else the local Neo4j of \`npm start\` (NEO4J_BOLT_PORT). Credentials
come from NEO4J_USERNAME and NEO4J_PASSWORD. The shape is heavy-tailed from 10,000 people unless --shape
says otherwise; the degree, organization-size and supplier-trade distributions are printed after the load. It refuses a database that already holds Person nodes
unless --force is given.
With --offline it builds a new database in the local Neo4j home directory NEO4J_HOME instead, with
Neo4j's offline importer (far faster; the database must not exist yet and is not running), then starts
it once to apply the graph migrations. Every date lies before --today (the current day by default). Generated people have no accounts: nobody can log in as them.`;

class UsageError extends Error {}

interface Options {
  people: number;
  seed: number;
  organizations?: number;
  shape: NetworkShape;
  uri?: string;
  batchSize: number;
  force: boolean;
  offline?: string;
  today: string;
}

/** Just what loading needs: the configuration, the graph (which applies the migrations) and the loader. */
@Module({})
class GenerateNetworkModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GenerateNetworkModule,
      imports: [ConfigModule.forRoot(config), MetricsModule, GraphModule, DemoNetworkModule],
    };
  }
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        people: { type: 'string' },
        seed: { type: 'string', default: '1' },
        organizations: { type: 'string' },
        shape: { type: 'string' },
        uri: { type: 'string' },
        'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
        force: { type: 'boolean', default: false },
        offline: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError('');
  if (values.people === undefined) throw new UsageError('--people is required.');
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    throw new UsageError(`--today must be a date, yyyy-mm-dd (got "${values.today}").`);
  }
  if (values.offline !== undefined && (values.uri !== undefined || values.force)) {
    throw new UsageError('--offline builds a new database: it takes neither --uri nor --force.');
  }
  const integer = (name: string, raw: string, min: number, max: number): number => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${raw}").`);
    }
    return value;
  };
  const people = integer('people', values.people, 2, MAX_GENERATED_PEOPLE);
  const shape = values.shape ?? defaultShape(people);
  if (shape !== 'classic' && shape !== 'heavy-tailed') {
    throw new UsageError(`--shape must be classic or heavy-tailed (got "${shape}").`);
  }
  return {
    shape,
    people,
    seed: integer('seed', values.seed, 0, 0xffffffff),
    organizations:
      values.organizations === undefined ? undefined : integer('organizations', values.organizations, 2, people),
    uri: values.uri,
    batchSize: integer('batch-size', values['batch-size'], 1, 100_000),
    force: values.force,
    offline: values.offline,
    today: values.today ?? todayIso(),
  };
}

const say = (line: string) => process.stdout.write(`${line}\n`);

const generate = (options: Options, taxonomy: readonly TaxonomyRootInput[]) =>
  generateNetwork({ ...options, taxonomy });

/** Generates the network and loads it with the offline importer into a new store, then applies the migrations. */
async function mainOffline(options: Options, homeDir: string): Promise<void> {
  const started = performance.now();
  const network = generate(options, CATEGORY_TAXONOMY);
  say(`Generated (seed ${options.seed}, ${options.shape}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  const migrate = async (uri: string) => {
    const config = loadConfig({ ...process.env, NEO4J_URI: uri });
    const app = await NestFactory.createApplicationContext(GenerateNetworkModule.forRoot(config), {
      logger: ['warn', 'error'],
    });
    await app.close();
  };
  const load = await loadOffline(network, homeDir, migrate, say);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = (count: number, s: number) => Math.round(count / s).toLocaleString('en-US');
  say(
    `Imported ${load.nodes} nodes and ${load.relationships} relationships into ${homeDir} in ` +
      `${load.importSeconds.toFixed(1)} s (${perSecond(load.relationships, load.importSeconds)} relationships/s); ` +
      `CSV ${load.csvSeconds.toFixed(1)} s, migrations (constraints, indexes, taxonomy) ${load.migrateSeconds.toFixed(1)} s; ` +
      `${seconds.toFixed(1)} s in all, generation included (${perSecond(load.relationships, seconds)} relationships/s).`,
  );
  for (const line of formatDistributions(describeNetwork(network))) say(`  ${line}`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.offline !== undefined) return mainOffline(options, path.resolve(options.offline));
  let config = loadConfig(options.uri ? { ...process.env, NEO4J_URI: options.uri } : process.env);
  if (!config.neo4j.uri) {
    config = { ...config, neo4j: { ...config.neo4j, uri: `bolt://127.0.0.1:${config.neo4j.localBoltPort}` } };
  }
  say(`Connecting to ${config.neo4j.uri} (database ${config.neo4j.database})...`);
  const app = await NestFactory.createApplicationContext(GenerateNetworkModule.forRoot(config), {
    logger: ['warn', 'error'],
  });
  try {
    const loader = app.get(DemoNetworkService);
    const existing = await loader.countPeople();
    if (existing > 0 && !options.force) {
      throw new Error(`the database already holds ${existing} Person nodes; pass --force to add the network anyway.`);
    }
    const started = performance.now();
    const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    const network = generate(options, await loader.taxonomy());
    const sizes = Object.entries(network).map(([part, rows]) => `${rows.length} ${part}`);
    say(`Generated (seed ${options.seed}, ${options.shape}) ${sizes.join(', ')} in ${elapsed()}.`);
    if ((await loader.countGeneratedPeople(options.seed)) > 0) {
      throw new Error(`the network of seed ${options.seed} is already loaded; pass another --seed.`);
    }
    const counts = await loader.load(network, {
      batchSize: options.batchSize,
      onBatch: ({ part, written, total }) => say(`  ${part.padEnd(13)} ${written} / ${total}   ${elapsed()}`),
    });
    const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const relationships = countRelationships(network);
    const seconds = (performance.now() - started) / 1000;
    say(
      `Loaded ${Object.entries(counts)
        .map(([part, count]) => `${count} ${part}`)
        .join(', ')} in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s; ` +
        `${relationships} relationships, ${Math.round(relationships / seconds).toLocaleString('en-US')} relationships/s).`,
    );
    for (const line of formatDistributions(describeNetwork(network))) say(`  ${line}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${error instanceof UsageError ? USAGE : ''}\n`);
    process.exit(2);
  }
  process.stderr.write(`generate-network failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
