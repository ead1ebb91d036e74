import { generateNetwork } from './network-generator.js';
import { GeneratedNetwork, NetworkOptions, TaxonomyRootInput } from './network-types.js';

/** A part of the real taxonomy (the generator takes whatever the graph holds). */
const TAXONOMY: TaxonomyRootInput[] = [
  {
    id: 'metals',
    name: 'Metals',
    children: ['steel', 'aluminium', 'castings', 'forgings', 'fasteners'].map(child('metals')),
  },
  {
    id: 'electronic-components',
    name: 'Electronic components',
    children: ['semiconductors', 'connectors', 'sensors', 'pcb-assembly'].map(child('electronics')),
  },
  { id: 'plastics-rubber', name: 'Plastics and rubber', children: ['resins', 'films-sheets'].map(child('plastics')) },
  { id: 'packaging', name: 'Packaging', children: ['corrugated', 'labels', 'pallets'].map(child('packaging')) },
  { id: 'textiles', name: 'Textiles', children: ['nonwovens'].map(child('textiles')) },
];

function child(prefix: string) {
  return (name: string) => ({ id: `${prefix}-${name}`, name: name.replace('-', ' ') });
}

const TODAY = '2026-03-15';
const options = (overrides: Partial<NetworkOptions> = {}): NetworkOptions => ({
  seed: 7,
  people: 300,
  today: TODAY,
  taxonomy: TAXONOMY,
  ...overrides,
});

/** Current members of each organization: people with an APPROVED employment there (or former: ENDED). */
function membersOf(network: GeneratedNetwork, status: 'APPROVED' | 'ENDED' = 'APPROVED'): Map<string, Set<string>> {
  const members = new Map<string, Set<string>>();
  for (const e of network.employments.filter((e) => e.status === status)) {
    members.set(e.organizationId, (members.get(e.organizationId) ?? new Set()).add(e.personId));
  }
  return members;
}

const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('generateNetwork', () => {
  const network = generateNetwork(options());

  it('gives the same network for the same options, and another one for another seed', () => {
    expect(generateNetwork(options())).toEqual(network);
    const other = generateNetwork(options({ seed: 8 }));
    expect(other.people.map((p) => p.name)).not.toEqual(network.people.map((p) => p.name));
    expect(other.people[0].id).not.toBe(network.people[0].id);
  });

  it('has the expected size for 300 people, and grows in proportion to the people', () => {
    expect(network.people).toHaveLength(300);
    expect(network.organizations).toHaveLength(80);
    expect(network.trades).toHaveLength(400);
    expect(network.endorsements).toHaveLength(500);
    expect(network.referrals).toHaveLength(150);
    expect(network.connections.length).toBeGreaterThan(1200);
    expect(network.connections.length).toBeLessThan(1800);
    expect(network.feedback.length).toBeGreaterThan(150);
    expect(new Set(network.organizations.map((o) => o.country)).size).toBeGreaterThan(8);
    expect(new Set(network.people.map((p) => p.country)).size).toBeGreaterThan(10);
    // Names repeat only when a country runs out of combinations.
    expect(new Set(network.people.map((p) => p.name)).size).toBeGreaterThan(0.98 * network.people.length);

    const bigger = generateNetwork(options({ people: 1200 }));
    expect(bigger.organizations).toHaveLength(320);
    for (const part of ['connections', 'trades', 'endorsements', 'referrals', 'employments'] as const) {
      const ratio = bigger[part].length / network[part].length;
      expect(ratio).toBeGreaterThan(3.5);
      expect(ratio).toBeLessThan(4.5);
    }
    expect(generateNetwork(options({ people: 40, organizations: 5 })).organizations).toHaveLength(5);
  });

  it('connects about ten people per person, clustered by organization', () => {
    const degree = (2 * network.connections.length) / network.people.length;
    expect(degree).toBeGreaterThanOrEqual(8);
    expect(degree).toBeLessThanOrEqual(12);
    // Clustered: far more colleagues are connected than chance alone would connect.
    const orgOf = new Map(
      network.employments.filter((e) => e.status === 'APPROVED').map((e) => [e.personId, e.organizationId]),
    );
    const colleagues = network.connections.filter(
      (c) => orgOf.get(c.fromId) && orgOf.get(c.fromId) === orgOf.get(c.toId),
    );
    expect(colleagues.length / network.connections.length).toBeGreaterThan(0.15);
  });

  it.each([
    [{ seed: -1 }, 'seed'],
    [{ seed: 1.5 }, 'seed'],
    [{ people: 1 }, 'people'],
    [{ people: 10, organizations: 11 }, 'organizations'],
    [{ today: '2026-02-30' }, 'today'],
    [{ taxonomy: [] }, 'taxonomy'],
  ])('rejects %j', (overrides, word) => {
    expect(() => generateNetwork(options(overrides))).toThrow(new RegExp(word, 'i'));
  });
});

describe.each([
  ['300 people', options()],
  ['57 people, seed 99', options({ seed: 99, people: 57 })],
  ['40 people in 5 organizations', options({ seed: 3, people: 40, organizations: 5 })],
])('a generated network of %s', (_, networkOptions) => {
  const network = generateNetwork(networkOptions);

  it('gives every id once, and refers only to ids it generated or categories of the taxonomy', () => {
    const ids = Object.values(network).flatMap((rows: { id?: string }[]) => rows.map((row) => row.id).filter(Boolean));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id!.startsWith(`demo-s${networkOptions.seed}-`))).toBe(true);
    const people = new Set(network.people.map((p) => p.id));
    const organizations = new Set(network.organizations.map((o) => o.id));
    const categories = new Set(TAXONOMY.flatMap((root) => root.children.map((c) => c.id)));
    const trades = new Set(network.trades.map((t) => t.id));
    expect(network.employments.every((e) => people.has(e.personId) && organizations.has(e.organizationId))).toBe(true);
    expect(network.connections.every((c) => people.has(c.fromId) && people.has(c.toId))).toBe(true);
    expect(network.organizations.every((o) => o.categoryIds.every((id) => categories.has(id)))).toBe(true);
    expect(network.feedback.every((f) => trades.has(f.tradeId) && people.has(f.authorId))).toBe(true);
    expect(network.endorsements.every((e) => people.has(e.endorserId) && organizations.has(e.supplierId))).toBe(true);
    expect(network.referrals.every((r) => people.has(r.fromId) && people.has(r.toId))).toBe(true);
  });

  it('describes believable organizations: unique names, buyers and suppliers, 1 to 4 supplied categories', () => {
    const names = network.organizations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    const suppliers = network.organizations.filter((o) => o.roles.includes('SUPPLIER'));
    const buyers = network.organizations.filter((o) => o.roles.includes('BUYER'));
    expect(suppliers.length).toBeGreaterThanOrEqual(Math.min(2, 0.3 * network.organizations.length));
    expect(buyers.length).toBeGreaterThanOrEqual(Math.min(2, 0.3 * network.organizations.length));
    for (const organization of network.organizations) {
      const supplies = organization.roles.includes('SUPPLIER');
      expect(organization.categoryIds.length).toBe(supplies ? Math.max(1, organization.categoryIds.length) : 0);
      expect(organization.categoryIds.length).toBeLessThanOrEqual(4);
      expect(new Set(organization.categoryIds).size).toBe(organization.categoryIds.length);
      expect(organization.website).toMatch(/^https:\/\/www\.[a-z0-9-]+\.example$/);
      expect(organization.description.length).toBeGreaterThan(20);
    }
    expect(network.organizations.every((o) => /^[A-Z]{2}$/.test(o.country))).toBe(true);
    expect(network.people.every((p) => /^[A-Z]{2}$/.test(p.country) && p.name.includes(' '))).toBe(true);
  });

  it('gives each person at most one current employment, and every organization a current admin', () => {
    const current = network.employments.filter((e) => e.status === 'APPROVED');
    expect(new Set(current.map((e) => e.personId)).size).toBe(current.length);
    expect(current.length).toBeGreaterThan(0.85 * network.people.length);
    const admins = new Set(current.filter((e) => e.isAdmin).map((e) => e.organizationId));
    expect(admins.size).toBe(network.organizations.length);
    const ended = network.employments.filter((e) => e.status === 'ENDED');
    expect(ended.length).toBeGreaterThan(0.1 * network.people.length);
    for (const e of ended) {
      expect(e.isAdmin).toBe(false);
      expect(e.endedOn! >= e.startedOn).toBe(true);
      expect(current.some((c) => c.personId === e.personId && c.organizationId === e.organizationId)).toBe(false);
    }
    expect(current.every((e) => e.endedOn === null && e.startedOn < TODAY)).toBe(true);
    expect(network.employments.every((e) => e.approvedAt >= e.createdAt)).toBe(true);
  });

  it('connects people without self loops or a second link per pair', () => {
    const pairs = network.connections.map((c) => pair(c.fromId, c.toId));
    expect(network.connections.every((c) => c.fromId !== c.toId)).toBe(true);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('records trades only as the rules allow, mostly confirmed and public, in the past four years', () => {
    const organizations = new Map(network.organizations.map((o) => [o.id, o]));
    const members = membersOf(network);
    const formerMembers = membersOf(network, 'ENDED');
    for (const trade of network.trades) {
      const supplier = organizations.get(trade.supplierId)!;
      expect(trade.buyerId).not.toBe(trade.supplierId);
      expect(organizations.get(trade.buyerId)!.roles).toContain('BUYER');
      expect(supplier.roles).toContain('SUPPLIER');
      expect(supplier.categoryIds).toContain(trade.categoryId);
      expect(members.get(trade.buyerId)!.has(trade.recordedById)).toBe(true);
      // Two independent parties: the recorder is no member of the supplier, the decider none of the buyer.
      expect(members.get(trade.supplierId)!.has(trade.recordedById)).toBe(false);
      if (trade.status === 'PENDING') expect(trade.decidedById).toBeNull();
      else {
        expect(members.get(trade.supplierId)!.has(trade.decidedById!)).toBe(true);
        expect(trade.decidedById).not.toBe(trade.recordedById);
        expect(members.get(trade.buyerId)!.has(trade.decidedById!)).toBe(false);
        expect(formerMembers.get(trade.buyerId)?.has(trade.decidedById!) ?? false).toBe(false);
      }
      expect(trade.occurredOn < TODAY && trade.occurredOn >= '2022-03-14').toBe(true);
      expect(trade.createdAt >= trade.occurredOn).toBe(true);
      if (trade.decidedAt) expect(trade.decidedAt >= trade.createdAt).toBe(true);
    }
    const share = (test: (t: (typeof network.trades)[0]) => boolean) =>
      network.trades.filter(test).length / network.trades.length;
    expect(share((t) => t.status === 'CONFIRMED')).toBeGreaterThan(0.75);
    expect(share((t) => t.status === 'PENDING')).toBeGreaterThan(0);
    expect(share((t) => t.status === 'REJECTED')).toBeGreaterThan(0);
    expect(share((t) => t.visibility === 'PUBLIC')).toBeGreaterThan(0.7);
    expect(share((t) => t.visibility === 'PRIVATE')).toBeGreaterThan(0.1);
  });

  it('leaves feedback on about 60% of confirmed trades, by a current member of the buyer, mostly good', () => {
    const trades = new Map(network.trades.map((t) => [t.id, t]));
    const members = membersOf(network);
    const confirmed = network.trades.filter((t) => t.status === 'CONFIRMED').length;
    expect(network.feedback.length / confirmed).toBeGreaterThan(0.5);
    expect(network.feedback.length / confirmed).toBeLessThan(0.7);
    expect(new Set(network.feedback.map((f) => f.tradeId)).size).toBe(network.feedback.length);
    const scores = network.feedback.flatMap((f) => [f.quality, f.delivery, f.communication]);
    for (const f of network.feedback) {
      const trade = trades.get(f.tradeId)!;
      expect(trade.status).toBe('CONFIRMED');
      expect(members.get(trade.buyerId)!.has(f.authorId)).toBe(true);
      expect(f.createdAt >= trade.decidedAt! && f.updatedAt >= f.createdAt).toBe(true);
    }
    expect(scores.every((score) => Number.isInteger(score) && score >= 1 && score <= 5)).toBe(true);
    expect(scores.filter((score) => score >= 3).length / scores.length).toBeGreaterThan(0.8);
  });

  it('endorses suppliers only from outside, in supplied categories, once per endorser, supplier and category', () => {
    const organizations = new Map(network.organizations.map((o) => [o.id, o]));
    const members = membersOf(network);
    const keys = network.endorsements.map((e) => `${e.endorserId}|${e.supplierId}|${e.categoryId}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of network.endorsements) {
      expect(members.get(e.supplierId)?.has(e.endorserId) ?? false).toBe(false);
      expect(organizations.get(e.supplierId)!.categoryIds).toContain(e.categoryId);
      expect(e.updatedAt >= e.createdAt).toBe(true);
    }
    const ratings = network.endorsements.map((e) => e.rating);
    expect(ratings.every((rating) => Number.isInteger(rating) && rating >= 1 && rating <= 5)).toBe(true);
    expect(ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length).toBeGreaterThan(3.5);
  });

  it('refers suppliers only between connected people, in categories the supplier supplies, after they connected', () => {
    const since = new Map(network.connections.map((c) => [pair(c.fromId, c.toId), c.since]));
    const organizations = new Map(network.organizations.map((o) => [o.id, o]));
    for (const r of network.referrals) {
      expect(since.has(pair(r.fromId, r.toId))).toBe(true);
      expect(r.createdAt >= since.get(pair(r.fromId, r.toId))!).toBe(true);
      expect(organizations.get(r.supplierId)!.categoryIds).toContain(r.categoryId);
    }
  });

  it('dates everything before today, in ISO form', () => {
    const timestamps = [
      ...network.people.map((p) => p.createdAt),
      ...network.organizations.map((o) => o.createdAt),
      ...network.employments.flatMap((e) => [e.createdAt, e.approvedAt]),
      ...network.connections.map((c) => c.since),
      ...network.trades.map((t) => t.createdAt),
      ...network.feedback.map((f) => f.updatedAt),
      ...network.endorsements.map((e) => e.updatedAt),
      ...network.referrals.map((r) => r.createdAt),
    ];
    expect(timestamps.every((at) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/.test(at) && at < TODAY)).toBe(true);
    const dates = [...network.employments.map((e) => e.startedOn), ...network.trades.map((t) => t.occurredOn)];
    expect(dates.every((day) => /^\d{4}-\d\d-\d\d$/.test(day) && day < TODAY)).toBe(true);
  });
});
