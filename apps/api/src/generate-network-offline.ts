import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '#tradegraph/common';
import { GeneratedNetwork, writeImportFiles } from '#tradegraph/demo';
import { CATEGORY_TAXONOMY, importIntoNewStore, startLocalNeo4j } from '#tradegraph/graph';

export interface OfflineLoad {
  nodes: number;
  relationships: number;
  /** Writing the CSV files, the import itself, and the migrations (constraints, indexes, taxonomy). */
  csvSeconds: number;
  importSeconds: number;
  migrateSeconds: number;
}

/**
 * Loads a generated network into a new store at `homeDir` with Neo4j's offline importer, then starts
 * a local Neo4j on it once so that the graph migrations (given as `migrate`, which connects to the
 * URI) build the constraints and indexes. The CSV files are written to a temporary folder and removed.
 */
export async function loadOffline(
  network: GeneratedNetwork,
  homeDir: string,
  migrate: (uri: string) => Promise<void>,
  say: (line: string) => void,
): Promise<OfflineLoad> {
  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-import-'));
  try {
    let started = performance.now();
    const files = await writeImportFiles(network, CATEGORY_TAXONOMY, csvDir);
    const csvSeconds = (performance.now() - started) / 1000;
    say(
      `Wrote ${files.nodeCount} nodes and ${files.relationshipCount} relationships as CSV in ${csvSeconds.toFixed(1)} s.`,
    );
    const imported = await importIntoNewStore({
      homeDir,
      nodes: files.nodes,
      relationships: files.relationships,
      log: (line) => say(`  ${line}`),
    });
    if (imported.relationships !== files.relationshipCount || imported.nodes !== files.nodeCount) {
      throw new Error(
        `The importer wrote ${imported.nodes} nodes and ${imported.relationships} relationships, not ${files.nodeCount} and ${files.relationshipCount}.`,
      );
    }
    started = performance.now();
    const local = await startLocalNeo4j({
      homeDir,
      boltPort: await freePort(),
      heapMb: 2048,
      pageCacheMb: 1024,
      log: say,
    });
    try {
      await migrate(local.uri);
    } finally {
      await local.stop();
    }
    return {
      nodes: imported.nodes,
      relationships: imported.relationships,
      csvSeconds,
      importSeconds: imported.seconds,
      migrateSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
}
