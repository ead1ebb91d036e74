/**
 * The second half of the policy-leaks network: blocks (some before, some after the rest),
 * endorsements, referrals, introductions, sourcing requests and answers, conversations, inquiries, and
 * deleted accounts.
 * Every step is one a correct implementation must still allow: nothing is sent across a block.
 */
import { mutate } from './leak-api.js';
import { LeakModel, MPerson } from './leak-model.js';
import { rng, Rng } from './leak-random.js';
import { TestApp } from './test-app.js';

export const ACTIVITY = {
  earlyBlocks: 2,
  endorsements: 16,
  referrals: 10,
  introductions: 6,
  sourcingRequests: 6,
  conversations: 6,
  inquiries: 5,
  lateBlocks: 3,
  deletions: 2,
};
/** Which supplied leaf categories answer a sourcing request of each category. */
const SOURCING_CATEGORIES: Record<string, string[]> = {
  metals: ['metals-steel', 'metals-fasteners'],
  'metals-steel': ['metals-steel'],
  'plastics-rubber': ['plastics-resins'],
};

const noBlockAmong = (m: LeakModel, ids: string[]) =>
  ids.every((a, i) => ids.slice(i + 1).every((b) => !m.blockedBetween(a, b)));

/** A block between two people close to each other (often connected), in a random direction. */
async function block(t: TestApp, m: LeakModel, r: Rng, pair?: [string, string]): Promise<void> {
  let [a, b] = pair ?? ['', ''];
  for (let tries = 0; !pair && tries < 50; tries += 1) {
    [a, b] = r.sample(m.alive(), 2).map((p) => p.id);
    const near = (m.distances(a, false).get(b) ?? 9) <= 2;
    if (near && !m.blockedBetween(a, b)) break;
  }
  const [blocker, blocked] = r.chance(0.5) ? [a, b] : [b, a];
  await mutate(t, 'blockPerson', { id: blocked }, m.person(blocker)!);
  m.block(blocker, blocked);
}

async function endorse(t: TestApp, m: LeakModel, r: Rng): Promise<void> {
  const suppliers = m.orgs.filter((o) => o.supplies.length > 0);
  const given = new Set<string>();
  for (let n = 0; n < ACTIVITY.endorsements; n += 1) {
    const supplier = r.pick(suppliers);
    const endorser = r.pick(m.alive());
    const categoryId = r.pick(supplier.supplies);
    const key = `${endorser.id}|${supplier.id}|${categoryId}`;
    if (m.isMember(endorser.id, supplier.id) || given.has(key)) continue;
    given.add(key);
    const input = { supplierId: supplier.id, categoryId, rating: r.int(1, 5) };
    const { id } = await mutate(t, 'endorseSupplier', { input }, endorser);
    m.endorsements.push({ id, endorserId: endorser.id, supplierId: supplier.id });
  }
}

async function refer(t: TestApp, m: LeakModel, r: Rng): Promise<void> {
  const suppliers = m.orgs.filter((o) => o.supplies.length > 0);
  for (let n = 0; n < ACTIVITY.referrals; n += 1) {
    const from = r.pick(m.alive().filter((p) => m.neighbours(p.id).length > 0));
    const toId = r.pick(m.neighbours(from.id));
    const supplier = r.pick(suppliers);
    const input = { supplierId: supplier.id, categoryId: r.pick(supplier.supplies), toPersonId: toId };
    const { id } = await mutate(t, 'referSupplier', { input }, from);
    m.referrals.push({ id, fromId: from.id, toId });
  }
}

/** A chain requester → one or two intermediaries → target whose links the requester may learn. */
function introductionChain(m: LeakModel, r: Rng): string[] | null {
  for (let tries = 0; tries < 40; tries += 1) {
    const chain = [r.pick(m.alive()).id];
    const hops = r.int(2, 3);
    while (chain.length <= hops) {
      const options = m.neighbours(chain[chain.length - 1]).filter((id) => !chain.includes(id));
      if (options.length === 0) break;
      chain.push(r.pick(options));
    }
    const [requester, ...path] = chain;
    const target = chain[chain.length - 1];
    if (chain.length <= hops || m.connected(requester, target) || !noBlockAmong(m, chain)) continue;
    if (path.every((id, i) => i === 0 || m.edgeLearnable(requester, path[i - 1], id))) return chain;
  }
  return null;
}

/** Introductions left pending at some step, declined, or accepted (which connects requester and target). */
async function introduce(t: TestApp, m: LeakModel, r: Rng): Promise<void> {
  for (let n = 0; n < ACTIVITY.introductions; n += 1) {
    const chain = introductionChain(m, r);
    if (!chain) continue;
    const [requesterId, ...path] = chain;
    const input = { path, message: 'Could you introduce us? We are looking for a supplier.' };
    const { id } = await mutate(t, 'requestIntroduction', { input }, m.person(requesterId)!);
    m.introductions.push({ id, requesterId, path });
    for (const stepId of path) {
      const roll = r.next();
      if (roll < 0.15) break;
      const { status } = await mutate(t, 'respondToIntroduction', { id, accept: roll >= 0.3 }, m.person(stepId)!);
      if (status === 'ACCEPTED') m.connect(requesterId, path[path.length - 1]);
      if (status !== 'PENDING') break;
    }
  }
}

/** Sourcing requests to one or two degrees, answered by some of the requester's connections. */
async function source(t: TestApp, m: LeakModel, r: Rng): Promise<void> {
  for (let n = 0; n < ACTIVITY.sourcingRequests; n += 1) {
    const requester = r.pick(m.alive().filter((p) => m.neighbours(p.id).length > 0));
    const categoryId = r.pick(Object.keys(SOURCING_CATEGORIES));
    const input = {
      categoryId,
      description: 'Looking for a reliable supplier, monthly volumes.',
      maxDegree: r.int(1, 2),
    };
    const { id } = await mutate(t, 'postSourcingRequest', { input }, requester);
    m.sourcingRequests.push({ id, requesterId: requester.id });
    const suppliers = m.orgs.filter((o) => o.supplies.some((c) => SOURCING_CATEGORIES[categoryId].includes(c)));
    if (suppliers.length === 0) continue;
    for (const answererId of r.sample(m.neighbours(requester.id), 2)) {
      const answerer = m.person(answererId)!;
      const answer = { requestId: id, supplierId: r.pick(suppliers).id };
      const { id: answerId } = await mutate(t, 'answerSourcingRequest', { input: answer }, answerer);
      m.answers.push({ id: answerId, requestId: id, answererId });
    }
  }
}

/** Conversations of a person with one or two connections, each of whom answers (later blocks and deletions cross some). */
async function converse(t: TestApp, m: LeakModel): Promise<void> {
  // A random stream of its own, so the rest of the network is the same with or without conversations.
  const r = rng(m.seed, 'conversations');
  for (let n = 0; n < ACTIVITY.conversations; n += 1) {
    const starter = r.pick(m.alive().filter((p) => m.neighbours(p.id).length > 0));
    const others = r.sample(m.neighbours(starter.id), r.int(1, 2));
    if (!noBlockAmong(m, [starter.id, ...others])) continue;
    const input = { participantIds: others, text: 'Shall we talk about volumes?' };
    const { id, lastMessage } = await mutate(t, 'startConversation', { input }, starter);
    m.conversations.push({ id, participantIds: [starter.id, ...others] });
    m.messages.push({ id: lastMessage.id, conversationId: id, senderId: starter.id });
    for (const otherId of others) {
      const message = { input: { conversationId: id, text: 'Sure, next week.' } };
      const { id: messageId } = await mutate(t, 'sendMessage', message, m.person(otherId)!);
      m.messages.push({ id: messageId, conversationId: id, senderId: otherId });
    }
  }
}

/**
 * Inquiries of people to suppliers they do not work at, some claimed by a member not blocked either way
 * with the buyer, whose answer starts the conversation (later blocks and deletions cross some).
 */
async function inquire(t: TestApp, m: LeakModel): Promise<void> {
  const r = rng(m.seed, 'inquiries');
  const suppliers = m.orgs.filter((o) => o.supplies.length > 0);
  for (let n = 0; n < ACTIVITY.inquiries && suppliers.length > 0; n += 1) {
    const supplier = r.pick(suppliers);
    const members = [...supplier.members].filter(([, status]) => status === 'APPROVED').map(([id]) => id);
    const buyers = m.alive().filter((p) => !m.isMember(p.id, supplier.id));
    if (members.length === 0 || buyers.length === 0) continue;
    const buyer = r.pick(buyers);
    const input = { supplierId: supplier.id, subject: 'Monthly volumes', text: 'Could you quote 20 t a month?' };
    const { id } = await mutate(t, 'sendInquiry', { input }, buyer);
    const inquiry = { id, buyerId: buyer.id, supplierId: supplier.id, claimedById: null as string | null };
    m.inquiries.push(inquiry);
    const claimers = members.filter((memberId) => !m.blockedBetween(memberId, buyer.id));
    if (claimers.length === 0 || !r.chance(0.7)) continue;
    const member = m.person(r.pick(claimers))!;
    const claimed = await mutate(t, 'claimInquiry', { id }, member);
    m.messages.push({
      id: claimed.conversation.lastMessage.id,
      conversationId: claimed.conversation.id,
      senderId: buyer.id,
    });
    inquiry.claimedById = member.id;
    m.conversations.push({ id: claimed.conversation.id, participantIds: [member.id, buyer.id] });
    const answer = { input: { conversationId: claimed.conversation.id, text: 'Yes, from next month.' } };
    const { id: messageId } = await mutate(t, 'sendMessage', answer, member);
    m.messages.push({ id: messageId, conversationId: claimed.conversation.id, senderId: member.id });
  }
}

/** Late blocks: one across a sourcing answer, one across a referral, the others between neighbours. */
async function lateBlocks(t: TestApp, m: LeakModel, r: Rng): Promise<void> {
  const answer = m.answers.length > 0 ? r.pick(m.answers) : null;
  const request = answer && m.sourcingRequests.find((s) => s.id === answer.requestId);
  if (request) await block(t, m, r, [request.requesterId, answer.answererId]);
  const referral = m.referrals.find((x) => !m.blockedBetween(x.fromId, x.toId));
  if (referral) await block(t, m, r, [referral.fromId, referral.toId]);
  for (let n = 2; n < ACTIVITY.lateBlocks; n += 1) await block(t, m, r);
}

async function deleteAccounts(t: TestApp, m: LeakModel, r: Rng): Promise<void> {
  const gone: MPerson[] = r.sample(m.alive(), ACTIVITY.deletions);
  for (const person of gone) {
    await mutate(t, 'deleteAccount', { password: person.password }, person);
    m.deletePerson(person.id);
  }
}

export async function addActivity(t: TestApp, m: LeakModel): Promise<void> {
  const r = rng(m.seed, 'activity');
  for (let n = 0; n < ACTIVITY.earlyBlocks; n += 1) await block(t, m, r);
  await endorse(t, m, r);
  await refer(t, m, r);
  await introduce(t, m, r);
  await source(t, m, r);
  await converse(t, m);
  await inquire(t, m);
  await lateBlocks(t, m, r);
  await deleteAccounts(t, m, r);
}
