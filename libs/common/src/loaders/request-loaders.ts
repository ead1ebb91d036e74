import DataLoader from 'dataloader';

/**
 * The DataLoaders of one GraphQL request. Each feature asks for its loader by key and
 * supplies the factory, so loaders live exactly as long as the request and batch across it.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (loader === undefined) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders batch results to match the requested keys, with null for keys that were not found. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map<K, V>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => found.get(key) ?? null);
}

/** Groups batch results by key, with an empty list for keys that have no rows. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
