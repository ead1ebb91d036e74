import { NetworkClock } from './network-clock.js';
import { categoryPhrase, REFERRAL_MESSAGES } from './network-vocabulary.js';
import { GeneratedConnection, GeneratedNetwork, GeneratedReferral, TaxonomyRootInput } from './network-types.js';
import { SeededRandom } from './seeded-random.js';

export interface DemoTieOptions {
  /** The person to tie into the network (a named demo account). */
  personId: string;
  /** Their given name, for the referral messages. */
  givenName: string;
  seed: number;
  today: string;
  taxonomy: readonly TaxonomyRootInput[];
  /** Root categories whose trades the person's 2-hop network should cover. */
  rootIds: string[];
  connections: number;
  referrals: number;
}

export interface DemoTies {
  connections: GeneratedConnection[];
  /** Referrals to the person, ids left to the caller. */
  referrals: Omit<GeneratedReferral, 'id'>[];
  /** The supplier most buyers within two hops traded with: a good networkTradersWith example. */
  featuredSupplierId: string | null;
}

/** At most this many of the chosen connections work at the same organization. */
const MAX_PER_ORGANIZATION = 2;

/**
 * Chooses generated people to connect a demo account to, so that its 2-hop network holds current
 * members of many buyers with CONFIRMED PUBLIC trades in the given roots (greedy: each pick adds
 * the most uncovered suppliers and buyers), and referrals to it from those new connections about
 * suppliers their organizations bought from. Pure and deterministic, like the generator.
 */
export function planDemoTies(network: GeneratedNetwork, options: DemoTieOptions): DemoTies {
  const random = new SeededRandom(options.seed, 'ties');
  const clock = new NetworkClock(options.today);
  const roots = new Set(options.rootIds);
  const categoryRoot = new Map<string, string>();
  const categoryName = new Map<string, string>();
  for (const root of options.taxonomy) {
    for (const child of root.children) {
      categoryRoot.set(child.id, root.id);
      categoryName.set(child.id, child.name);
    }
  }
  const orgOf = new Map<string, string>();
  for (const employment of network.employments) {
    if (employment.status === 'APPROVED') orgOf.set(employment.personId, employment.organizationId);
  }
  // Buyer → the trades that count as evidence for the viewer.
  const evidence = new Map<string, { supplierId: string; categoryId: string }[]>();
  for (const trade of network.trades) {
    if (trade.status !== 'CONFIRMED' || trade.visibility !== 'PUBLIC') continue;
    if (!roots.has(categoryRoot.get(trade.categoryId) ?? '')) continue;
    push(evidence, trade.buyerId, trade);
  }
  const neighbours = new Map<string, string[]>();
  for (const { fromId, toId } of network.connections) {
    push(neighbours, fromId, toId);
    push(neighbours, toId, fromId);
  }
  const reach = (personId: string): Set<string> => {
    const buyers = new Set<string>();
    for (const id of [personId, ...(neighbours.get(personId) ?? [])]) {
      const org = orgOf.get(id);
      if (org !== undefined && evidence.has(org)) buyers.add(org);
    }
    return buyers;
  };

  const coveredBuyers = new Set<string>();
  const coveredSuppliers = new Set<string>();
  const chosen: string[] = [];
  const perOrganization = new Map<string, number>();
  const candidates = network.people.map((person) => person.id).filter((id) => orgOf.has(id));
  while (chosen.length < Math.min(options.connections, candidates.length)) {
    let best: { id: string; gain: number } | null = null;
    for (const id of candidates) {
      if (chosen.includes(id) || (perOrganization.get(orgOf.get(id) as string) ?? 0) >= MAX_PER_ORGANIZATION) continue;
      const buyers = [...reach(id)].filter((buyer) => !coveredBuyers.has(buyer));
      const suppliers = new Set(buyers.flatMap((buyer) => (evidence.get(buyer) ?? []).map((t) => t.supplierId)));
      const gain = 2 * buyers.length + [...suppliers].filter((supplier) => !coveredSuppliers.has(supplier)).length;
      if (best === null || gain > best.gain) best = { id, gain };
    }
    if (best === null) break;
    chosen.push(best.id);
    const org = orgOf.get(best.id) as string;
    perOrganization.set(org, (perOrganization.get(org) ?? 0) + 1);
    for (const buyer of reach(best.id)) {
      coveredBuyers.add(buyer);
      for (const trade of evidence.get(buyer) ?? []) coveredSuppliers.add(trade.supplierId);
    }
  }

  const connections = chosen.map((id) => ({
    fromId: id,
    toId: options.personId,
    since: clock.iso(clock.at(clock.daysAgo(random.int(30, 120)), random)),
  }));
  const supplierNames = new Map(network.organizations.map((org) => [org.id, org.name]));
  const referrals: Omit<GeneratedReferral, 'id'>[] = [];
  const referred = new Set<string>();
  // Round-robin over the roots, so the referrals cover each of them.
  for (let round = 0; referrals.length < options.referrals && round < options.referrals * 2; round += 1) {
    const root = options.rootIds[round % options.rootIds.length];
    for (let offset = 0; offset < chosen.length; offset += 1) {
      const senderId = chosen[(round + offset) % chosen.length];
      const trade = (evidence.get(orgOf.get(senderId) ?? '') ?? []).find(
        (t) => categoryRoot.get(t.categoryId) === root && !referred.has(t.supplierId),
      );
      if (!trade) continue;
      referred.add(trade.supplierId);
      const message = random
        .pick(REFERRAL_MESSAGES)
        .replace('{name}', options.givenName)
        .replace('{supplier}', supplierNames.get(trade.supplierId) ?? 'them')
        .replace('{category}', categoryPhrase(categoryName.get(trade.categoryId) ?? trade.categoryId));
      referrals.push({
        fromId: senderId,
        toId: options.personId,
        supplierId: trade.supplierId,
        categoryId: trade.categoryId,
        message,
        createdAt: clock.iso(clock.at(clock.daysAgo(random.int(1, 25)), random)),
      });
      break;
    }
  }
  return { connections, referrals, featuredSupplierId: featuredSupplier(coveredBuyers, evidence) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The supplier with the most distinct covered buyers (ties: the smaller id). */
function featuredSupplier(buyers: Set<string>, evidence: Map<string, { supplierId: string }[]>): string | null {
  const buyersOf = new Map<string, Set<string>>();
  for (const buyer of buyers) {
    for (const { supplierId } of evidence.get(buyer) ?? []) {
      buyersOf.set(supplierId, (buyersOf.get(supplierId) ?? new Set()).add(buyer));
    }
  }
  let best: string | null = null;
  for (const [supplierId, set] of buyersOf) {
    const bestSize = best === null ? -1 : (buyersOf.get(best) as Set<string>).size;
    if (set.size > bestSize || (set.size === bestSize && best !== null && supplierId < best)) best = supplierId;
  }
  return best;
}
