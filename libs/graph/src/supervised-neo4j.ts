import { LocalNeo4j, LocalNeo4jOptions, startLocalNeo4j } from './local-neo4j.js';

export interface SupervisedNeo4jOptions extends LocalNeo4jOptions {
  /** Restarts tried in a row before giving up; a run that stayed up for `stableAfterMs` resets the count. */
  maxRestarts: number;
  /** Called once when the restarts are used up; the caller should exit so that a process manager notices. */
  onGiveUp: (reason: string) => void;
  /** Delay before restart number `attempt` (1, 2, ...); 1 s, 2 s, 4 s, ... up to 30 s by default. */
  backoffMs?: (attempt: number) => number;
  stableAfterMs?: number;
}

export interface SupervisedNeo4j {
  uri: string;
  /** The current JVM's process id (it changes with every restart). */
  pid(): number;
  /** How many times the JVM has been restarted since the first start. */
  restarts(): number;
  /** Stops supervising and stops the JVM. */
  stop(): Promise<void>;
}

const defaultBackoff = (attempt: number): number => Math.min(30_000, 1000 * 2 ** (attempt - 1));

/**
 * Starts the local Neo4j and keeps it running: when the JVM exits without being asked to, it is
 * started again on the same home directory and port (after a growing pause), so the driver,
 * which reconnects by itself, finds it where it was. Requests meanwhile fail fast as unavailable.
 */
export async function startSupervisedNeo4j(options: SupervisedNeo4jOptions): Promise<SupervisedNeo4j> {
  const log = options.log ?? (() => undefined);
  const backoff = options.backoffMs ?? defaultBackoff;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  let current: LocalNeo4j = await startLocalNeo4j(options);
  let startedAt = Date.now();
  let failures = 0;
  let restarts = 0;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  let cancelPause = (): void => undefined;

  const restart = async (reason: string): Promise<void> => {
    if (Date.now() - startedAt >= stableAfterMs) failures = 0;
    let lastProblem = reason;
    while (!stopping) {
      failures += 1;
      if (failures > options.maxRestarts) {
        const tries = `${options.maxRestarts} restart${options.maxRestarts === 1 ? '' : 's'}`;
        options.onGiveUp(`Local Neo4j is down (${lastProblem}) and ${tries} did not bring it back; giving up.`);
        return;
      }
      const delay = backoff(failures);
      log(
        `Local Neo4j exited unexpectedly (${lastProblem}); restart ${failures} of ${options.maxRestarts} in ${delay} ms.`,
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        cancelPause = () => (clearTimeout(timer), resolve());
      });
      if (stopping) return;
      try {
        current = await startLocalNeo4j(options);
        startedAt = Date.now();
        restarts += 1;
        watch(current);
        return;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
    }
  };

  const watch = (instance: LocalNeo4j): void => {
    void instance.exited.then((how) => {
      if (stopping || instance !== current) return;
      restarting = restart(how).finally(() => (restarting = undefined));
    });
  };
  watch(current);

  return {
    uri: current.uri,
    pid: () => current.pid,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      cancelPause();
      await restarting;
      await current.stop();
    },
  };
}
