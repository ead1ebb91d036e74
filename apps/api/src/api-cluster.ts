import cluster, { Worker } from 'node:cluster';
import { serveClusterMetrics } from '#tradegraph/common';
import { AppConfig } from '#tradegraph/config';
import { planRestart } from './restart-backoff.js';

/** How long a worker may take to finish its in-flight requests after SIGTERM before it is killed. */
const WORKER_STOP_TIMEOUT_MS = 30_000;

export interface ClusterHandle {
  /** Stops every worker (SIGTERM, then SIGKILL after the timeout) and settles when all have exited. */
  stop(): Promise<void>;
}

/**
 * The primary of API_WORKERS > 1: forks the workers (Node's cluster module; they share the port and
 * the primary hands out connections in turn) and replaces one that dies, after a back-off that grows
 * while workers keep dying soon after they start (planRestart: 1 s doubling to 30 s, reset by a worker
 * that stayed up 60 s). The first worker starts alone, applying the graph migrations and seeding the
 * demo data; the others follow once it listens, without seeding. Every worker gets the same Neo4j URI
 * and JWT secret, so a token issued by one is accepted by all. Settles once every worker listens;
 * rejects (and stops the others) when one fails before it ever listened during start-up: the first one
 * failing means the service cannot start at all, so main exits non-zero.
 */
export async function startWorkers(config: AppConfig, say: (line: string) => void): Promise<ClusterHandle> {
  serveClusterMetrics();
  const shared = { NEO4J_URI: config.neo4j.uri ?? '', JWT_SECRET: config.auth.jwtSecret };
  let stopping = false;
  let streak = 0;
  const pendingRestarts = new Set<NodeJS.Timeout>();

  /** Replaces a worker that died after `uptimeMs`, once its back-off has passed. */
  const replace = (uptimeMs: number) => {
    const plan = planRestart(streak, uptimeMs);
    streak = plan.streak;
    if (plan.streak > 1) say(`Waiting ${plan.delayMs / 1000} s first (${plan.streak} quick deaths in a row).`);
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (stopping) return;
      void fork({ SEED_DEMO_DATA: 'false' }).catch((error: unknown) => {
        if (stopping) return;
        say(`${error instanceof Error ? error.message : String(error)} Starting another.`);
        replace(0);
      });
    }, plan.delayMs);
    pendingRestarts.add(timer);
  };

  const fork = (env: Record<string, string>) =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork({ ...shared, ...env });
      const failed = (code: number | null, signal: string | null) =>
        reject(new Error(`API worker ${worker.process.pid} exited before it listened (${signal ?? `exit ${code}`}).`));
      worker.once('exit', failed);
      worker.once('listening', () => {
        const listenedAt = Date.now();
        worker.off('exit', failed);
        say(`API worker ${worker.process.pid} is listening.`);
        // A worker that dies after it listened is replaced; the others serve meanwhile.
        worker.once('exit', (code, signal) => {
          if (stopping) return;
          say(`API worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting another.`);
          replace(Date.now() - listenedAt);
        });
        resolve(worker);
      });
    });

  const stop = async () => {
    stopping = true;
    for (const timer of pendingRestarts) clearTimeout(timer);
    pendingRestarts.clear();
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            const killer = setTimeout(() => worker.process.kill('SIGKILL'), WORKER_STOP_TIMEOUT_MS);
            worker.once('exit', () => (clearTimeout(killer), resolve()));
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    await fork({}).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The first API worker applies the graph migrations and seeds; it failed: ${reason} Giving up.`);
    });
    await Promise.all(Array.from({ length: config.workers - 1 }, () => fork({ SEED_DEMO_DATA: 'false' })));
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
