/**
 * Builds a random network through the API for the policy-leaks test, recording in a LeakModel
 * what it did: people with every privacy setting, organizations and employments, connections,
 * and trades recorded by a buyer member and confirmed by a supplier member outside the buyer.
 * Same seed, same network (up to the ids the server assigns).
 */
import { addActivity } from './leak-activity.js';
import { mutate, register } from './leak-api.js';
import { LeakModel, Membership, MPerson, MTrade, Visibility } from './leak-model.js';
import { rng } from './leak-random.js';
import { TestApp } from './test-app.js';

export const SIZES = { people: 20, organizations: 6, edges: 36, strayRequests: 5, trades: 20 };
/** The leaf categories the suppliers supply, and the roots the shortlists are asked for. */
export const CATEGORIES = ['metals-steel', 'metals-fasteners', 'plastics-resins'];
export const ROOT_CATEGORIES = ['metals', 'plastics-rubber'];
const PASSWORD = 'correct horse battery staple';

const pad = (n: number) => String(n).padStart(2, '0');

/** Registers the people and sets their privacy: every visibility, some opted out of network searches. */
async function addPeople(t: TestApp, m: LeakModel): Promise<void> {
  const r = rng(m.seed, 'people');
  for (let i = 0; i < SIZES.people; i += 1) {
    const key = `P${pad(i)}`;
    const name = `Leak s${m.seed} ${key}`;
    const email = `leak-s${m.seed}-${key.toLowerCase()}@test.example`;
    const { id, token } = await register(t, { email, name, password: PASSWORD });
    const roll = r.next();
    const visibility: Visibility = roll < 0.4 ? 'EVERYONE' : roll < 0.7 ? 'CONNECTIONS' : 'ONLY_ME';
    const searchable = !r.chance(0.3);
    const person: MPerson = { key, id, name, email, password: PASSWORD, token, visibility, searchable, deleted: false };
    m.addPerson(person);
    if (visibility !== 'EVERYONE' || !searchable) {
      const input = { connectionsVisibility: visibility, appearInNetworkSearches: searchable };
      await mutate(t, 'privacy', { input }, person);
    }
  }
}

/** Organizations (the last one only buys) and employments: approved, pending and ended. */
async function addOrganizations(t: TestApp, m: LeakModel): Promise<void> {
  const r = rng(m.seed, 'organizations');
  for (let i = 0; i < SIZES.organizations; i += 1) {
    const admin = r.pick(m.people);
    const supplies = i < SIZES.organizations - 1 ? r.sample(CATEGORIES, r.int(1, 2)) : [];
    // Every other organization is on everyone's domain (test.example), so it is domain-verified and vouches.
    const onMembersDomain = i % 2 === 0;
    const input = {
      name: `Leak s${m.seed} O${i}`,
      country: 'DE',
      roles: supplies.length > 0 ? ['BUYER', 'SUPPLIER'] : ['BUYER'],
      creatorTitle: 'Founder',
      ...(onMembersDomain ? { website: 'https://www.test.example' } : {}),
    };
    const { id } = await mutate(t, 'createOrganization', { input }, admin);
    if (supplies.length > 0) await mutate(t, 'supplies', { id, categories: supplies }, admin);
    m.orgs.push({
      key: `O${i}`,
      id,
      name: input.name,
      adminId: admin.id,
      supplies,
      members: new Map([[admin.id, 'APPROVED']]),
      onMembersDomain,
    });
  }
  for (const person of m.people) {
    for (let n = r.int(0, 2); n > 0; n -= 1) {
      const org = r.pick(m.orgs);
      if (org.members.has(person.id)) continue;
      const roll = r.next();
      const status: Membership = roll < 0.7 ? 'APPROVED' : roll < 0.85 ? 'PENDING' : 'ENDED';
      const input = { organizationId: org.id, title: 'Buyer' };
      const { id } = await mutate(t, 'requestEmployment', { input }, person);
      if (status !== 'PENDING') await mutate(t, 'approveEmployment', { id }, m.person(org.adminId)!);
      if (status === 'ENDED') await mutate(t, 'endEmployment', { id }, person);
      org.members.set(person.id, status);
    }
  }
}

/** Connections requested and accepted, plus stray requests left pending or declined. */
async function addConnections(t: TestApp, m: LeakModel): Promise<void> {
  const r = rng(m.seed, 'connections');
  const asked = new Set<string>();
  const ask = async (a: MPerson, b: MPerson) => {
    asked.add(`${a.id}|${b.id}`).add(`${b.id}|${a.id}`);
    return (await mutate(t, 'requestConnection', { id: b.id }, a)).id as string;
  };
  const fresh = () => {
    for (;;) {
      const [a, b] = r.sample(m.people, 2);
      if (!asked.has(`${a.id}|${b.id}`)) return [a, b];
    }
  };
  for (let n = 0; n < SIZES.edges; n += 1) {
    const [a, b] = fresh();
    await mutate(t, 'respondToConnectionRequest', { id: await ask(a, b), accept: true }, b);
    m.connect(a.id, b.id);
  }
  for (let n = 0; n < SIZES.strayRequests; n += 1) {
    const [a, b] = fresh();
    const id = await ask(a, b);
    if (r.chance(0.4)) await mutate(t, 'respondToConnectionRequest', { id, accept: false }, b);
  }
}

/** Trades, some PRIVATE, most confirmed, some with feedback. */
async function addTrades(t: TestApp, m: LeakModel): Promise<void> {
  const r = rng(m.seed, 'trades');
  const suppliers = m.orgs.filter((o) => o.supplies.length > 0);
  for (let n = 0; n < SIZES.trades; n += 1) {
    const buyer = r.pick(m.orgs);
    const supplier = r.pick(suppliers.filter((o) => o.id !== buyer.id));
    // The recorder belongs to the buyer only, the confirmer to the supplier only: independent parties.
    const recorders = m.currentMembers(buyer.id).filter((p) => !m.isMember(p, supplier.id));
    const confirmers = m.currentMembers(supplier.id).filter((p) => !m.isMember(p, buyer.id));
    if (recorders.length === 0 || confirmers.length === 0) continue;
    const recorder = m.person(r.pick(recorders))!;
    const input = {
      buyerId: buyer.id,
      supplierId: supplier.id,
      categoryId: r.pick(supplier.supplies),
      occurredOn: `2025-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      amountBand: 'FROM_10K_TO_100K',
      visibility: r.chance(0.3) ? 'PRIVATE' : 'PUBLIC',
    };
    const { id } = await mutate(t, 'recordTrade', { input }, recorder);
    const roll = r.next();
    const status = roll < 0.75 ? 'CONFIRMED' : roll < 0.85 ? 'REJECTED' : 'PENDING';
    const confirmer = m.person(r.pick(confirmers))!;
    if (status === 'CONFIRMED') await mutate(t, 'confirmTrade', { id }, confirmer);
    if (status === 'REJECTED') await mutate(t, 'rejectTrade', { id }, confirmer);
    const trade: MTrade = {
      id,
      ...input,
      status,
      visibility: input.visibility as 'PUBLIC' | 'PRIVATE',
      recordedBy: recorder.id,
      confirmedBy: status === 'PENDING' ? undefined : confirmer.id,
    };
    m.trades.push(trade);
    if (status === 'CONFIRMED' && r.chance(0.5)) {
      const feedback = { tradeId: id, quality: r.int(1, 5), delivery: r.int(1, 5), communication: r.int(1, 5) };
      const author = m.person(r.pick(recorders))!;
      await mutate(t, 'leaveFeedback', { input: feedback }, author);
      trade.feedbackBy = author.id;
    }
  }
}

/** The whole network of one seed, built through the API, and its model. */
export async function buildNetwork(t: TestApp, seed: number): Promise<LeakModel> {
  const m = new LeakModel(seed);
  await addPeople(t, m);
  await addOrganizations(t, m);
  await addConnections(t, m);
  await addTrades(t, m);
  await addActivity(t, m);
  return m;
}
