import { GeneratedNetwork } from './network-types.js';

/** Nearest-rank quantiles of one distribution. */
export interface Quantiles {
  min: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** The distributions that matter for network queries: degrees, organization sizes, confirmed trades per supplier. */
export interface NetworkDistributions {
  degree: Quantiles;
  organizationSize: Quantiles;
  supplierConfirmedTrades: Quantiles;
}

export function quantiles(values: readonly number[]): Quantiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    min: sorted[0] ?? 0,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    p999: at(0.999),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.length === 0 ? 0 : sum / sorted.length,
  };
}

function tally(keys: Iterable<string>, all: readonly string[]): number[] {
  const counts = new Map(all.map((key) => [key, 0]));
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.values()];
}

/** Connections per person, current members per organization, confirmed trades per supplier organization. */
export function describeNetwork(network: GeneratedNetwork): NetworkDistributions {
  const people = network.people.map((person) => person.id);
  const ends = network.connections.flatMap((connection) => [connection.fromId, connection.toId]);
  const current = network.employments.filter((e) => e.status === 'APPROVED').map((e) => e.organizationId);
  const suppliers = network.organizations.filter((o) => o.roles.includes('SUPPLIER')).map((o) => o.id);
  const confirmed = network.trades.filter((t) => t.status === 'CONFIRMED').map((t) => t.supplierId);
  return {
    degree: quantiles(tally(ends, people)),
    organizationSize: quantiles(
      tally(
        current,
        network.organizations.map((o) => o.id),
      ),
    ),
    supplierConfirmedTrades: quantiles(tally(confirmed, suppliers)),
  };
}

/** One line per distribution, e.g. "degree: min 5, p50 15, ..., max 4308, mean 22.2". */
export function formatDistributions(d: NetworkDistributions): string[] {
  const line = (name: string, q: Quantiles) =>
    `${name}: min ${q.min}, p50 ${q.p50}, p90 ${q.p90}, p99 ${q.p99}, p99.9 ${q.p999}, max ${q.max}, mean ${q.mean.toFixed(1)}`;
  return [
    line('connections per person', d.degree),
    line('current members per organization', d.organizationSize),
    line('confirmed trades per supplier', d.supplierConfirmedTrades),
  ];
}
