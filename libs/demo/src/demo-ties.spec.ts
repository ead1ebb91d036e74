import { planDemoTies } from './demo-ties.js';
import { generateNetwork } from './network-generator.js';
import { TaxonomyRootInput } from './network-types.js';

const TAXONOMY: TaxonomyRootInput[] = [
  ['metals', 'Metals', ['metals-steel', 'metals-castings', 'metals-fasteners']],
  ['electronic-components', 'Electronic components', ['electronics-sensors', 'electronics-connectors']],
  ['packaging', 'Packaging', ['packaging-labels', 'packaging-pallets']],
  ['chemicals', 'Chemicals', ['chemicals-solvents']],
].map(([id, name, children]) => ({
  id: id as string,
  name: name as string,
  children: (children as string[]).map((child) => ({ id: child, name: child.split('-')[1] })),
}));
const ROOTS = ['metals', 'electronic-components'];
const TODAY = '2026-03-15';

describe('planDemoTies', () => {
  const network = generateNetwork({ seed: 7, people: 300, today: TODAY, taxonomy: TAXONOMY });
  const plan = () =>
    planDemoTies(network, {
      personId: 'ada',
      givenName: 'Ada',
      seed: 7,
      today: TODAY,
      taxonomy: TAXONOMY,
      rootIds: ROOTS,
      connections: 8,
      referrals: 4,
    });
  const ties = plan();
  const chosen = ties.connections.map((c) => c.fromId);
  const orgOf = new Map(
    network.employments.filter((e) => e.status === 'APPROVED').map((e) => [e.personId, e.organizationId]),
  );
  const rootOf = new Map(TAXONOMY.flatMap((root) => root.children.map((c) => [c.id, root.id])));

  it('connects the person to eight distinct generated people, and plans the same every time', () => {
    expect(plan()).toEqual(ties);
    expect(ties.connections).toHaveLength(8);
    expect(new Set(chosen).size).toBe(8);
    expect(ties.connections.every((c) => c.toId === 'ada' && orgOf.has(c.fromId))).toBe(true);
    expect(ties.connections.every((c) => c.since < TODAY)).toBe(true);
  });

  it('puts members of several buyers with confirmed public trades with several suppliers within two hops, per root', () => {
    const twoHops = new Set(chosen);
    for (const c of network.connections) {
      if (chosen.includes(c.fromId)) twoHops.add(c.toId);
      if (chosen.includes(c.toId)) twoHops.add(c.fromId);
    }
    const reachableBuyers = new Set([...twoHops].map((id) => orgOf.get(id)));
    for (const root of ROOTS) {
      const trades = network.trades.filter(
        (t) =>
          t.status === 'CONFIRMED' &&
          t.visibility === 'PUBLIC' &&
          rootOf.get(t.categoryId) === root &&
          reachableBuyers.has(t.buyerId),
      );
      expect(new Set(trades.map((t) => t.buyerId)).size).toBeGreaterThanOrEqual(3);
      expect(new Set(trades.map((t) => t.supplierId)).size).toBeGreaterThanOrEqual(3);
    }
    const featured = network.trades.filter(
      (t) => t.supplierId === ties.featuredSupplierId && t.status === 'CONFIRMED' && reachableBuyers.has(t.buyerId),
    );
    expect(new Set(featured.map((t) => t.buyerId)).size).toBeGreaterThanOrEqual(2);
  });

  it('adds referrals to the person from the new connections, about suppliers of each root in categories they supply', () => {
    const organizations = new Map(network.organizations.map((o) => [o.id, o]));
    expect(ties.referrals).toHaveLength(4);
    expect(new Set(ties.referrals.map((r) => r.supplierId)).size).toBe(4);
    for (const referral of ties.referrals) {
      expect(referral.toId).toBe('ada');
      expect(chosen).toContain(referral.fromId);
      expect(organizations.get(referral.supplierId)!.categoryIds).toContain(referral.categoryId);
      const since = ties.connections.find((c) => c.fromId === referral.fromId)!.since;
      expect(referral.createdAt > since && referral.createdAt < TODAY).toBe(true);
    }
    expect(new Set(ties.referrals.map((r) => rootOf.get(r.categoryId)))).toEqual(new Set(ROOTS));
  });
});
