import * as fs from 'node:fs';

/** Stops the Neo4j that the global setup started and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__TRADEGRAPH_NEO4J__;
  if (!started) return;
  await started.neo4j.stop();
  fs.rmSync(started.homeDir, { recursive: true, force: true });
}
