import 'reflect-metadata';
import * as path from 'node:path';
import { AppConfig, ConfigValidationError, loadConfig } from '#tradegraph/config';
import { startSupervisedNeo4j, SupervisedNeo4j } from '#tradegraph/graph';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#tradegraph/demo';
import { createApp } from './configure-app.js';
import { stopTracing } from './tracing.js';

const EXAMPLE_QUERY = `query { me { name employments(first: 5) { edges { node { title status organization { name } } } } } }`;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);

  // Only the Neo4j we launch is supervised; an external one (NEO4J_URI) is just reconnected to by the driver.
  let localNeo4j: SupervisedNeo4j | undefined;
  if (!config.neo4j.uri) {
    localNeo4j = await startSupervisedNeo4j({
      homeDir: path.join(config.dataDir, 'neo4j'),
      boltPort: config.neo4j.localBoltPort,
      heapMb: config.neo4j.localHeapMb,
      pageCacheMb: config.neo4j.localPageCacheMb,
      maxRestarts: config.neo4j.localMaxRestarts,
      log: say,
      // Without its database the service is of no use: exit so that a process manager restarts both.
      onGiveUp: (reason) => {
        process.stderr.write(`${reason} Exiting.\n`);
        process.exit(1);
      },
    });
    config = { ...config, neo4j: { ...config.neo4j, uri: localNeo4j.uri } };
  }
  if (config.auth.jwtSecretGenerated) {
    say('JWT_SECRET is not set: using a random secret for this run (tokens will not survive a restart).');
  }

  let app;
  try {
    app = await createApp(config);
    await app.listen(config.port, config.host);
  } catch (error) {
    await localNeo4j?.stop();
    throw error;
  }
  // Graceful shutdown: stop accepting, finish in-flight requests, close the driver, then the Neo4j we launched.
  const shutdown = (signal: string) => {
    say(`${signal} received: finishing in-flight requests and shutting down...`);
    void app
      .close()
      .then(() => localNeo4j?.stop())
      .then(() => stopTracing())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  const url = `http://localhost:${config.port}/graphql`;
  say(`TradeGraph GraphQL API listening at ${url}`);
  if (config.seedDemoData) {
    say(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
    say(
      `Try it:\n  TOKEN=$(curl -s ${url} -H 'content-type: application/json' -d '{"query":"mutation { login(input: {email: \\"${DEMO_ACCOUNTS[0].email}\\", password: \\"${DEMO_PASSWORD}\\"}) { accessToken } }"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')\n` +
        `  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"${EXAMPLE_QUERY}"}'`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`TradeGraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
