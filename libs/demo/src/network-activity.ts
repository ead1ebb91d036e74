import { SUPPLIER_ZIPF, zipfWeights } from './network-heavy-tail.js';
import { NetworkStructure, pairKey } from './network-structure.js';
import type { OrganizationDraft } from './network-organizations.js';
import {
  categoryPhrase,
  ENDORSEMENT_COMMENTS,
  FEEDBACK_COMMENTS,
  REFERRAL_MESSAGES,
  REJECTION_REASONS,
} from './network-vocabulary.js';
import {
  GeneratedAmountBand,
  GeneratedEndorsement,
  GeneratedFeedback,
  GeneratedReferral,
  GeneratedTrade,
  GeneratedTradeStatus,
} from './network-types.js';
import { SeededRandom, WeightedPicker } from './seeded-random.js';

const AMOUNT_BANDS: GeneratedAmountBand[] = ['UNDER_10K', 'FROM_10K_TO_100K', 'FROM_100K_TO_1M', 'OVER_1M'];
const AMOUNT_BAND_WEIGHTS = [30, 40, 22, 8];
/** Scores 1 to 5 for an average supplier: mostly 3 to 5. */
const FEEDBACK_WEIGHTS = [3, 7, 20, 40, 30];
const ENDORSEMENT_WEIGHTS = [2, 4, 14, 40, 40];
const FOUR_YEARS = 4 * 365;

/** Per generated person, the share of trades, endorsements and referrals (400, 500, 150 for 300 people). */
export const ACTIVITY_PER_PERSON = { trades: 4 / 3, endorsements: 5 / 3, referrals: 1 / 2 };

/** Trades between the organizations, and the feedback, endorsements and referrals that follow from them. */
export function generateActivity(s: NetworkStructure): {
  trades: GeneratedTrade[];
  feedback: GeneratedFeedback[];
  endorsements: GeneratedEndorsement[];
  referrals: GeneratedReferral[];
} {
  const trades = generateTrades(s);
  const feedback = generateFeedback(s, trades);
  const endorsements = generateEndorsements(s, trades);
  const referrals = generateReferrals(s, trades, endorsements);
  return { trades, feedback, endorsements, referrals };
}

const indexOfOrg = (s: NetworkStructure) =>
  new Map(s.organizations.map((draft, index) => [draft.organization.id, index]));

/**
 * Buyers mostly buy in their own industry and come back to suppliers they know. Each trade is in
 * a category its supplier supplies, recorded by a current member of the buyer and (unless still
 * PENDING) decided by a current member of the supplier who never was a member of the buyer. People
 * have one current employment at most, so recorder and decider are two independent people.
 */
function generateTrades(s: NetworkStructure): GeneratedTrade[] {
  const random = new SeededRandom(s.seed, 'trades');
  const { clock, organizations } = s;
  const buyers = organizations.map((_, index) => index).filter((i) => isA(organizations[i], 'BUYER'));
  const suppliers = organizations.map((_, index) => index).filter((i) => isA(organizations[i], 'SUPPLIER'));
  const suppliersByRoot = new Map<string, number[]>();
  for (const supplier of suppliers) {
    const roots = new Set(
      organizations[supplier].organization.categoryIds.map((id) => s.categoryRoot.get(id) as string),
    );
    for (const root of roots) {
      const list = suppliersByRoot.get(root);
      if (list) list.push(supplier);
      else suppliersByRoot.set(root, [supplier]);
    }
  }
  // Bigger suppliers win more orders; in heavy-tailed networks popularity is Zipf-like on its own.
  const popularity =
    s.shape === 'heavy-tailed'
      ? zipfWeights(new SeededRandom(s.seed, 'supplier-popularity'), organizations.length, SUPPLIER_ZIPF)
      : organizations.map((draft) => draft.sizeWeight + 1);
  const pool = (list: number[]) => ({ list, picker: new WeightedPicker(list.map((i) => popularity[i])) });
  const everySupplier = pool(suppliers);
  const localSuppliers = new Map([...suppliersByRoot].map(([root, list]) => [root, pool(list)]));
  const count = Math.round(s.people.length * ACTIVITY_PER_PERSON.trades);
  const pairs: { buyer: number; supplier: number; categoryId: string }[] = [];
  const trades: GeneratedTrade[] = [];
  while (trades.length < count) {
    let pair = pairs.length > 0 && random.chance(0.35) ? random.pick(pairs) : undefined;
    if (!pair) {
      const buyer = random.pick(buyers);
      const local = localSuppliers.get(organizations[buyer].focusRootId);
      const candidates = local && random.chance(0.65) ? local : everySupplier;
      let supplier = buyer;
      for (let tries = 0; tries < 10 && supplier === buyer; tries += 1) {
        supplier = candidates.list[candidates.picker.pick(random)];
      }
      if (supplier === buyer) continue;
      const supplied = organizations[supplier].organization.categoryIds;
      const inFocus = supplied.filter((id) => s.categoryRoot.get(id) === organizations[buyer].focusRootId);
      pair = { buyer, supplier, categoryId: random.pick(inFocus.length > 0 ? inFocus : supplied) };
      pairs.push(pair);
    }
    const recent = random.chance(0.08);
    const occurredDay = clock.daysAgo(recent ? random.int(1, 45) : random.int(1, FOUR_YEARS));
    // Decided only by someone independent of the buyer: never a member of it, not even a former one.
    const deciders = s.members[pair.supplier].filter((person) => s.formerOrg[person] !== pair.buyer);
    const drawn = tradeStatus(recent, random.next());
    const status = deciders.length > 0 ? drawn : 'PENDING';
    const createdAt = clock.at(occurredDay + random.int(0, 14), random);
    const decidedAt = status === 'PENDING' ? null : clock.after(createdAt, 24 * 7, random);
    trades.push({
      id: s.id('t', trades.length),
      buyerId: organizations[pair.buyer].organization.id,
      supplierId: organizations[pair.supplier].organization.id,
      categoryId: pair.categoryId,
      occurredOn: clock.date(occurredDay),
      amountBand: AMOUNT_BANDS[random.weightedIndex(AMOUNT_BAND_WEIGHTS)],
      visibility: random.chance(0.8) ? 'PUBLIC' : 'PRIVATE',
      status,
      recordedById: s.people[random.pick(s.members[pair.buyer])].id,
      decidedById: status === 'PENDING' ? null : s.people[random.pick(deciders)].id,
      decidedAt: decidedAt === null ? null : clock.iso(decidedAt),
      rejectionReason: status === 'REJECTED' ? random.pick(REJECTION_REASONS) : null,
      createdAt: clock.iso(createdAt),
    });
  }
  return trades;
}

/** Feedback on about 60% of confirmed trades, by a current member of the buyer (mostly the recorder). */
function generateFeedback(s: NetworkStructure, trades: GeneratedTrade[]): GeneratedFeedback[] {
  const random = new SeededRandom(s.seed, 'feedback');
  const orgIndex = indexOfOrg(s);
  const personIndex = new Map(s.people.map((person, index) => [person.id, index]));
  const feedback: GeneratedFeedback[] = [];
  for (const trade of trades) {
    if (trade.status !== 'CONFIRMED' || !random.chance(0.6)) continue;
    const buyer = orgIndex.get(trade.buyerId) as number;
    const quality = s.organizations[orgIndex.get(trade.supplierId) as number].quality;
    const recorder = personIndex.get(trade.recordedById) as number;
    const author = random.chance(0.7) ? recorder : random.pick(s.members[buyer]);
    const scores = [0, 1, 2].map(() => score(random, FEEDBACK_WEIGHTS, quality));
    const average = (scores[0] + scores[1] + scores[2]) / 3;
    const comments =
      average >= 3.7 ? FEEDBACK_COMMENTS.good : average >= 2.7 ? FEEDBACK_COMMENTS.mixed : FEEDBACK_COMMENTS.poor;
    const createdAt = s.clock.after(Date.parse(trade.decidedAt as string), 24 * 60, random);
    const updatedAt = random.chance(0.2) ? s.clock.after(createdAt, 24 * 90, random) : createdAt;
    feedback.push({
      id: s.id('f', feedback.length),
      tradeId: trade.id,
      authorId: s.people[author].id,
      quality: scores[0],
      delivery: scores[1],
      communication: scores[2],
      comment: random.chance(0.6) ? random.pick(comments) : null,
      createdAt: s.clock.iso(createdAt),
      updatedAt: s.clock.iso(updatedAt),
    });
  }
  return feedback;
}

/**
 * Endorsements, half of them by people whose organization bought from the supplier, the rest by
 * peers in the supplier's industry. Never by a current member of the supplier; one per endorser,
 * supplier and category; always in a category the supplier supplies.
 */
function generateEndorsements(s: NetworkStructure, trades: GeneratedTrade[]): GeneratedEndorsement[] {
  const random = new SeededRandom(s.seed, 'endorsements');
  const orgIndex = indexOfOrg(s);
  const confirmed = trades.filter((trade) => trade.status === 'CONFIRMED');
  const suppliers = s.organizations.map((_, index) => index).filter((i) => isA(s.organizations[i], 'SUPPLIER'));
  const suppliersByFocus = new Map<string, number[]>();
  for (const supplier of suppliers) {
    const root = s.organizations[supplier].focusRootId;
    const group = suppliersByFocus.get(root);
    if (group) group.push(supplier);
    else suppliersByFocus.set(root, [supplier]);
  }
  const formerMembers: number[][] = s.organizations.map(() => []);
  s.formerOrg.forEach((org, person) => org !== -1 && formerMembers[org].push(person));
  const count = Math.round(s.people.length * ACTIVITY_PER_PERSON.endorsements);
  const keys = new Set<string>();
  const endorsements: GeneratedEndorsement[] = [];
  for (let attempt = 0; endorsements.length < count && attempt < count * 5; attempt += 1) {
    let endorser: number;
    let supplier: number;
    let categoryId: string;
    if (confirmed.length > 0 && random.chance(0.5)) {
      const trade = random.pick(confirmed);
      const buyer = orgIndex.get(trade.buyerId) as number;
      endorser = random.pick([...s.members[buyer], ...formerMembers[buyer]]);
      supplier = orgIndex.get(trade.supplierId) as number;
      categoryId = trade.categoryId;
    } else {
      endorser = random.int(0, s.people.length - 1);
      const home = s.currentOrg[endorser] !== -1 ? s.currentOrg[endorser] : s.formerOrg[endorser];
      const root = s.organizations[home].focusRootId;
      const local = suppliersByFocus.get(root) ?? [];
      supplier = random.pick(local.length > 0 && random.chance(0.7) ? local : suppliers);
      categoryId = random.pick(s.organizations[supplier].organization.categoryIds);
    }
    const key = `${endorser}|${supplier}|${categoryId}`;
    if (s.currentOrg[endorser] === supplier || keys.has(key)) continue;
    keys.add(key);
    const joined = s.joinedAt[endorser];
    const createdAt = Math.max(joined, s.clock.at(s.clock.daysAgo(random.int(1, 3 * 365)), random));
    const updatedAt = random.chance(0.25) ? s.clock.after(createdAt, 24 * 200, random) : createdAt;
    const category = categoryPhrase(s.categoryName.get(categoryId) ?? categoryId);
    endorsements.push({
      id: s.id('e', endorsements.length),
      endorserId: s.people[endorser].id,
      supplierId: s.organizations[supplier].organization.id,
      categoryId,
      rating: score(random, ENDORSEMENT_WEIGHTS, s.organizations[supplier].quality),
      comment: random.chance(0.7) ? random.pick(ENDORSEMENT_COMMENTS).replace('{category}', category) : null,
      createdAt: s.clock.iso(createdAt),
      updatedAt: s.clock.iso(updatedAt),
    });
  }
  return endorsements;
}

/**
 * Referrals from people who endorsed or recorded a trade with a supplier to one of their direct
 * connections who does not work there, in a category the supplier supplies.
 */
function generateReferrals(
  s: NetworkStructure,
  trades: GeneratedTrade[],
  endorsements: GeneratedEndorsement[],
): GeneratedReferral[] {
  const random = new SeededRandom(s.seed, 'referrals');
  const orgIndex = indexOfOrg(s);
  const personIndex = new Map(s.people.map((person, index) => [person.id, index]));
  const sources = [
    ...endorsements.map((e) => ({ fromId: e.endorserId, supplierId: e.supplierId, categoryId: e.categoryId })),
    ...trades
      .filter((trade) => trade.status === 'CONFIRMED')
      .map((t) => ({ fromId: t.recordedById, supplierId: t.supplierId, categoryId: t.categoryId })),
  ];
  const count = Math.round(s.people.length * ACTIVITY_PER_PERSON.referrals);
  const keys = new Set<string>();
  const referrals: GeneratedReferral[] = [];
  for (let attempt = 0; sources.length > 0 && referrals.length < count && attempt < count * 5; attempt += 1) {
    const source = random.pick(sources);
    const sender = personIndex.get(source.fromId) as number;
    if (s.neighbours[sender].length === 0) continue;
    const recipient = random.pick(s.neighbours[sender]);
    const key = `${sender}|${recipient}|${source.supplierId}|${source.categoryId}`;
    if (s.currentOrg[recipient] === orgIndex.get(source.supplierId) || keys.has(key)) continue;
    keys.add(key);
    // Sent some time after the two connected.
    const since = s.connectedSince.get(pairKey(sender, recipient)) as number;
    const createdAt = Math.max(since, s.clock.at(random.int(s.clock.dayOf(since), s.clock.today - 1), random));
    const message = random
      .pick(REFERRAL_MESSAGES)
      .replace('{name}', s.people[recipient].name.split(' ')[0])
      .replace('{supplier}', s.organizations[orgIndex.get(source.supplierId) as number].organization.name)
      .replace('{category}', categoryPhrase(s.categoryName.get(source.categoryId) ?? source.categoryId));
    referrals.push({
      id: s.id('r', referrals.length),
      fromId: source.fromId,
      toId: s.people[recipient].id,
      supplierId: source.supplierId,
      categoryId: source.categoryId,
      message: random.chance(0.8) ? message : null,
      createdAt: s.clock.iso(createdAt),
    });
  }
  return referrals;
}

/** Recent trades are often still waiting for the supplier; older ones were mostly confirmed. */
function tradeStatus(recent: boolean, roll: number): GeneratedTradeStatus {
  const [pending, confirmed] = recent ? [0.5, 0.93] : [0.04, 0.94];
  return roll < pending ? 'PENDING' : roll < confirmed ? 'CONFIRMED' : 'REJECTED';
}

function isA(draft: OrganizationDraft, role: 'BUYER' | 'SUPPLIER'): boolean {
  return draft.organization.roles.includes(role);
}

/** A score from 1 to 5 drawn from `weights`, tilted up for good suppliers and down for poor ones. */
function score(random: SeededRandom, weights: number[], quality: number): number {
  return 1 + random.weightedIndex(weights.map((weight, index) => weight * Math.exp(quality * (index - 2) * 0.6)));
}
