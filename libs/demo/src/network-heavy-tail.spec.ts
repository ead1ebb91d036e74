import { generateNetwork } from './network-generator.js';
import { describeNetwork, quantiles } from './network-distributions.js';
import { defaultShape, HEAVY_TAILED_FROM, targetDegree, zipfWeights } from './network-heavy-tail.js';
import { pairKey } from './network-structure.js';
import { GeneratedNetwork, NetworkOptions } from './network-types.js';
import { SeededRandom } from './seeded-random.js';

const TAXONOMY = ['metals', 'electronics', 'plastics', 'packaging', 'textiles', 'chemicals'].map((root) => ({
  id: root,
  name: root,
  children: [1, 2, 3, 4].map((i) => ({ id: `${root}-${i}`, name: `${root} ${i}` })),
}));
const options = (overrides: Partial<NetworkOptions> = {}): NetworkOptions => ({
  seed: 1,
  people: HEAVY_TAILED_FROM,
  today: '2026-03-15',
  taxonomy: TAXONOMY,
  ...overrides,
});

describe('heavy-tailed networks', () => {
  const network = generateNetwork(options());
  const shape = describeNetwork(network);

  it('are the default from 10,000 people; smaller networks keep the classic shape', () => {
    expect(defaultShape(HEAVY_TAILED_FROM)).toBe('heavy-tailed');
    expect(defaultShape(HEAVY_TAILED_FROM - 1)).toBe('classic');
    expect(defaultShape(300)).toBe('classic');
    const classic = describeNetwork(generateNetwork(options({ shape: 'classic' })));
    expect(classic.degree.max).toBeLessThan(40);
  });

  it('are deterministic from the seed', () => {
    const again = generateNetwork(options());
    expect(again.connections.length).toBe(network.connections.length);
    expect(again.connections.slice(-50)).toEqual(network.connections.slice(-50));
    expect(again.trades.slice(-50)).toEqual(network.trades.slice(-50));
    const other = generateNetwork(options({ seed: 2 }));
    expect(other.connections.slice(0, 50)).not.toEqual(network.connections.slice(0, 50));
  });

  it('have a mean degree of at least 20 and a long tail of hubs', () => {
    expect(shape.degree.mean).toBeGreaterThanOrEqual(20);
    expect(shape.degree.min).toBeGreaterThanOrEqual(1);
    expect(shape.degree.p50).toBeLessThan(shape.degree.mean);
    expect(shape.degree.p99).toBeGreaterThan(5 * shape.degree.p50);
    // Capped at a tenth of the people (1,000 here; several thousand at 100,000 people).
    expect(shape.degree.max).toBeGreaterThan(500);
    expect(shape.degree.max).toBeLessThanOrEqual(HEAVY_TAILED_FROM / 10);
  });

  it('cluster: many connections join colleagues (current or former), far more than at random', () => {
    const orgsOf = new Map<string, Set<string>>();
    for (const e of network.employments)
      orgsOf.set(e.personId, (orgsOf.get(e.personId) ?? new Set()).add(e.organizationId));
    const clustered = network.connections.filter(({ fromId, toId }) => {
      const [a, b] = [orgsOf.get(fromId) ?? new Set<string>(), orgsOf.get(toId) ?? new Set<string>()];
      return [...a].some((org) => b.has(org));
    }).length;
    // At random, two people share an organization in well under 1% of pairs.
    expect(clustered / network.connections.length).toBeGreaterThan(0.15);
    expect(uniquePairs(network)).toBe(network.connections.length);
  });

  it('have organizations of 1 to hundreds of members and a few suppliers with most trades', () => {
    expect(shape.organizationSize.min).toBe(1);
    expect(shape.organizationSize.p50).toBeLessThanOrEqual(3);
    expect(shape.organizationSize.max).toBeGreaterThanOrEqual(300);
    expect(shape.supplierConfirmedTrades.p50).toBeLessThanOrEqual(5);
    expect(shape.supplierConfirmedTrades.max).toBeGreaterThanOrEqual(200);
  });

  it('draw target degrees from a capped Pareto law and Zipf weights in a seeded order', () => {
    const random = new SeededRandom(3, 'test');
    const degrees = Array.from({ length: 20_000 }, () => targetDegree(random, 100_000));
    const q = quantiles(degrees);
    expect(q.min).toBe(9);
    expect(q.max).toBeLessThanOrEqual(5_000);
    expect(q.mean).toBeGreaterThan(20);
    const weights = zipfWeights(new SeededRandom(3, 'zipf'), 1000, 1);
    expect([...weights].sort((a, b) => b - a).slice(0, 3)).toEqual([1, 1 / 2, 1 / 3]);
    expect(weights).toEqual(zipfWeights(new SeededRandom(3, 'zipf'), 1000, 1));
  });
});

function uniquePairs(network: GeneratedNetwork): number {
  const index = new Map(network.people.map((person, i) => [person.id, i]));
  return new Set(network.connections.map((c) => pairKey(index.get(c.fromId)!, index.get(c.toId)!))).size;
}
