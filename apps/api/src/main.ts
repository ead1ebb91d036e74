import 'reflect-metadata';
import cluster from 'node:cluster';
import * as path from 'node:path';
import { joinClusterMetrics, Metrics } from '#tradegraph/common';
import { AppConfig, ConfigValidationError, loadConfig } from '#tradegraph/config';
import { startSupervisedNeo4j, SupervisedNeo4j } from '#tradegraph/graph';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#tradegraph/demo';
import { startWorkers } from './api-cluster.js';
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

  if (config.workers > 1 && cluster.isPrimary) {
    const workers = await startWorkers(config, say).catch(async (error: unknown) => {
      await localNeo4j?.stop();
      throw error;
    });
    onShutdown(say, () => workers.stop().then(() => localNeo4j?.stop()));
    announce(config, say, `${config.workers} workers`);
    return;
  }

  let app;
  try {
    app = await createApp(config);
    if (cluster.isWorker) joinClusterMetrics(app.get(Metrics).registry);
    await app.listen(config.port, config.host);
  } catch (error) {
    await localNeo4j?.stop();
    throw error;
  }
  // Graceful shutdown: stop accepting, finish in-flight requests, close the driver, then the Neo4j we launched.
  const shutdown = onShutdown(cluster.isWorker ? () => undefined : say, () =>
    app.close().then(() => localNeo4j?.stop()),
  );
  // A worker whose primary is gone (killed) has nobody to hand it connections: it stops too.
  if (cluster.isWorker) process.once('disconnect', () => shutdown('disconnect'));
  else announce(config, say, 'one process');
}

/** On SIGTERM or SIGINT: runs `stop`, then ends tracing and exits. Returns the handler, for other reasons to stop. */
function onShutdown(say: (line: string) => void, stop: () => Promise<unknown>): (reason: string) => void {
  let started = false;
  const shutdown = (reason: string) => {
    if (started) return;
    started = true;
    say(`${reason} received: finishing in-flight requests and shutting down...`);
    void stop()
      .then(() => stopTracing())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return shutdown;
}

function announce(config: AppConfig, say: (line: string) => void, processes: string): void {
  const url = `http://localhost:${config.port}/graphql`;
  say(`TradeGraph GraphQL API listening at ${url} (${processes})`);
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
