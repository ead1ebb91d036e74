import cluster from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';

const REQUEST = 'tradegraph:metrics-request';
const RESPONSE = 'tradegraph:metrics-response';
/** A scrape that the primary cannot answer in this time fails rather than hanging Prometheus. */
const SCRAPE_TIMEOUT_MS = 5_000;

interface MetricsMessage {
  type: string;
  id: number;
  text?: string;
  error?: string;
}

let nextId = 0;

/**
 * In the primary of API_WORKERS > 1: answers each worker's scrape with every worker's metrics summed
 * (prom-client's AggregatorRegistry), so that GET /metrics counts the whole service whichever worker
 * the scrape reaches.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: MetricsMessage) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text }),
      (error: unknown) => worker.send({ type: RESPONSE, id: message.id, error: String(error) }),
    );
  });
}

/** In a worker: offers `registry` to the primary's aggregation (call once, at start-up). */
export function joinClusterMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries(registry);
  // Constructing one installs prom-client's worker-side listener.
  new AggregatorRegistry();
}

/** The metrics text of one process, or of the whole service when this process is a cluster worker. */
export function scrapeMetrics(registry: Registry): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the primary did not answer the scrape in time')), SCRAPE_TIMEOUT_MS);
    const onMessage = (message: MetricsMessage) => {
      if (message?.type !== RESPONSE || message.id !== id) return;
      done(message.error ? new Error(message.error) : undefined, message.text);
    };
    const done = (error?: Error, text?: string) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (error) reject(error);
      else resolve(text ?? '');
    };
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}
