import * as path from 'node:path';
import { loadConfig } from '#tradegraph/config';
import { startSupervisedNeo4j } from '#tradegraph/graph';

/**
 * `npm run neo4j`: runs only the local Neo4j that `npm start` would launch (same DATA_DIR and
 * NEO4J_BOLT_PORT), supervised the same way, until Ctrl-C or SIGTERM; handy for the generator
 * script or a Neo4j client.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const neo4j = await startSupervisedNeo4j({
    homeDir: path.join(config.dataDir, 'neo4j'),
    boltPort: config.neo4j.localBoltPort,
    heapMb: config.neo4j.localHeapMb,
    pageCacheMb: config.neo4j.localPageCacheMb,
    maxRestarts: config.neo4j.localMaxRestarts,
    log: say,
    onGiveUp: (reason) => {
      process.stderr.write(`${reason}\n`);
      process.exit(1);
    },
  });
  say('Press Ctrl-C to stop.');
  const stop = (signal: string) => {
    say(`${signal} received: stopping Neo4j...`);
    void neo4j.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
