/**
 * Independent, deliberately naive computation of the network queries over a Net, straight
 * from the rules in the product issues (the privacy rules included), to check the Cypher answers against.
 */
import { IN_C, Net } from './random-network.js';

/** Either of the two blocked the other. */
export const blockedPair = (net: Net, a: string, b: string) =>
  net.blocks.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
const connected = (net: Net, a: string, b: string) =>
  net.edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
/** The viewer may be shown the person at all. */
export const maySee = (net: Net, personId: string) =>
  personId === net.viewerId || !blockedPair(net, net.viewerId, personId);
/** The viewer may be shown the person in a network search. */
export const mayNameInSearch = (net: Net, personId: string) =>
  personId === net.viewerId || (maySee(net, personId) && !net.optedOut.includes(personId));
/** The owner's connectionsVisibility lets the viewer see their connections. */
const connectionsShown = (net: Net, ownerId: string) => {
  if (ownerId === net.viewerId) return true;
  if (!maySee(net, ownerId)) return false;
  const visibility: string = net.visibility[ownerId] ?? 'EVERYONE';
  return visibility === 'EVERYONE' || (visibility === 'CONNECTIONS' && connected(net, ownerId, net.viewerId));
};
/** The viewer may learn that a and b are connected. */
export const edgeLearnable = (net: Net, a: string, b: string) =>
  a === net.viewerId || b === net.viewerId || connectionsShown(net, a) || connectionsShown(net, b);

/** Every shortest path from the viewer to the person (an empty list when there is none). */
export function allShortestPaths(net: Net, personId: string): string[][] {
  const dist = distances(net);
  const target = dist.get(personId);
  if (target === undefined) return [];
  const extend = (path: string[]): string[][] => {
    const last = path[path.length - 1];
    if (last === personId) return [path];
    return net.people
      .filter((next) => dist.get(next) === path.length && connected(net, last, next))
      .filter((next) => next === personId || dist.get(next)! < target)
      .flatMap((next) => extend([...path, next]));
  };
  return extend([net.viewerId]);
}

/**
 * The fewest people that must be hidden on a path: every intermediary the viewer may not name, and
 * one end (not the viewer, not the target) of every connection the viewer may not learn. Brute force.
 */
export function fewestHidden(net: Net, path: string[], nameable: (id: string) => boolean): number {
  const inner = path.slice(1, -1);
  let fewest = Infinity;
  for (let mask = 0; mask < 1 << inner.length; mask += 1) {
    const hidden = (i: number) => i > 0 && i < path.length - 1 && (mask & (1 << (i - 1))) !== 0;
    const ok =
      inner.every((id, i) => hidden(i + 1) || nameable(id)) &&
      path.every((id, i) => i === 0 || hidden(i - 1) || hidden(i) || edgeLearnable(net, path[i - 1], id));
    if (ok) fewest = Math.min(fewest, inner.filter((_, i) => hidden(i + 1)).length);
  }
  return fewest;
}

export function distances(net: Net): Map<string, number> {
  const adjacency = new Map<string, string[]>();
  for (const [a, b] of net.edges) {
    adjacency.set(a, [...(adjacency.get(a) ?? []), b]);
    adjacency.set(b, [...(adjacency.get(b) ?? []), a]);
  }
  const dist = new Map([[net.viewerId, 0]]);
  const queue = [net.viewerId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of adjacency.get(current) ?? []) {
      if (!dist.has(next)) {
        dist.set(next, dist.get(current)! + 1);
        queue.push(next);
      }
    }
  }
  return dist;
}

const isCurrentMember = (net: Net, personId: string, orgId: string) =>
  net.employments.some((e) => e.personId === personId && e.orgId === orgId && e.status === 'APPROVED');
const hadApproved = (net: Net, personId: string, orgId: string) =>
  net.employments.some((e) => e.personId === personId && e.orgId === orgId && e.status !== 'PENDING');
const visible = (net: Net, trade: Net['trades'][number]) =>
  trade.visibility === 'PUBLIC' ||
  isCurrentMember(net, net.viewerId, trade.buyerId) ||
  isCurrentMember(net, net.viewerId, trade.supplierId);
const feedbackAverage = (trade: Net['trades'][number]) =>
  trade.feedback ? (trade.feedback[0] + trade.feedback[1] + trade.feedback[2]) / 3 : null;

/** The network within maxDegree: person id → degree, without the viewer. */
function network(net: Net, maxDegree: number): Map<string, number> {
  return new Map([...distances(net)].filter(([id, d]) => id !== net.viewerId && d <= maxDegree));
}

export function expectedNetworkTraders(net: Net, supplierId: string, maxDegree: number) {
  const results = [];
  for (const [personId, degree] of network(net, maxDegree)) {
    // Opted out of network searches, or blocked either way: never a result.
    if (!mayNameInSearch(net, personId)) continue;
    const trades = net.trades.filter(
      (t) =>
        t.status === 'CONFIRMED' &&
        t.supplierId === supplierId &&
        visible(net, t) &&
        (isCurrentMember(net, personId, t.buyerId) || t.recordedBy === personId),
    );
    if (trades.length === 0) continue;
    const latest = [...trades].sort((a, b) =>
      a.occurredOn === b.occurredOn ? (a.id < b.id ? -1 : 1) : a.occurredOn > b.occurredOn ? -1 : 1,
    )[0];
    const ratings = trades.map(feedbackAverage).filter((r): r is number => r !== null);
    results.push({
      personId,
      degree,
      organizationId: latest.buyerId,
      tradeCount: trades.length,
      lastTradedOn: latest.occurredOn,
      averageRating: ratings.length === 0 ? null : ratings.reduce((s, r) => s + r, 0) / ratings.length,
    });
  }
  return results.sort(
    (a, b) =>
      a.degree - b.degree ||
      b.tradeCount - a.tradeCount ||
      (a.lastTradedOn === b.lastTradedOn ? 0 : a.lastTradedOn > b.lastTradedOn ? -1 : 1) ||
      (a.personId < b.personId ? -1 : 1),
  );
}

const WEIGHT: Record<number, number> = { 1: 1, 2: 0.5, 3: 0.25 };
const decayed = (iso: string, now: Date) =>
  0.5 ** (Math.max(0, (now.getTime() - new Date(iso).getTime()) / 86400000) / 730);

/**
 * The whole shortlist, each supplier with its `evidenceLimit` largest contributions (the API's default
 * page is 20) and how many pieces of evidence it has in all.
 */
export function expectedShortlist(net: Net, maxDegree: number, now: Date, evidenceLimit = 20) {
  // People blocked either way give no evidence at all; those who opted out give it unnamed.
  const n = new Map([...network(net, maxDegree)].filter(([personId]) => maySee(net, personId)));
  const named = (personId: string) => (mayNameInSearch(net, personId) ? personId : null);
  const candidates = new Set(
    net.orgs
      .filter((o) => o.supplies.some((c) => IN_C.includes(c)) && !isCurrentMember(net, net.viewerId, o.id))
      .map((o) => o.id),
  );
  const evidence: {
    supplierId: string;
    kind: string;
    id: string;
    personId: string | null;
    degree: number;
    contribution: number;
    /** The person field of the nested endorsement (endorser) or trade (recordedBy), as the viewer sees it. */
    nestedPersonId: string | null;
    /** The id of the nested endorsement, trade or referral; null where it is withheld as it would name someone hidden. */
    shownId: string | null;
  }[] = [];
  for (const e of net.endorsements) {
    const degree = n.get(e.endorserId);
    if (degree === undefined || !IN_C.includes(e.categoryId) || !candidates.has(e.supplierId)) continue;
    const verified = net.trades.some(
      (t) =>
        t.status === 'CONFIRMED' &&
        t.supplierId === e.supplierId &&
        visible(net, t) &&
        hadApproved(net, e.endorserId, t.buyerId),
    );
    const contribution = WEIGHT[degree] * (e.rating / 5) * (verified ? 1.5 : 1) * decayed(e.updatedAt, now);
    evidence.push({
      supplierId: e.supplierId,
      kind: 'ENDORSEMENT',
      id: e.id,
      personId: named(e.endorserId),
      degree,
      contribution,
      nestedPersonId: named(e.endorserId),
      shownId: named(e.endorserId) ? e.id : null,
    });
  }
  for (const t of net.trades) {
    if (t.status !== 'CONFIRMED' || !visible(net, t) || !IN_C.includes(t.categoryId) || !candidates.has(t.supplierId))
      continue;
    const members = [...n]
      .filter(([personId]) => isCurrentMember(net, personId, t.buyerId))
      .sort(([idA, a], [idB, b]) => a - b || (idA < idB ? -1 : 1));
    if (members.length === 0) continue;
    const [personId, degree] = members[0];
    // Generated trades have no confirmer and no feedback author: the person and the recorder decide.
    const withheld = !named(personId) || !named(t.recordedBy);
    const average = feedbackAverage(t);
    // Generated organizations have no website, so none is domain-verified: every trade counts half.
    const unverifiedParties = 0.5;
    const contribution =
      WEIGHT[degree] *
      (average === null ? 0.6 : average / 5) *
      unverifiedParties *
      decayed(`${t.occurredOn}T00:00:00Z`, now);
    evidence.push({
      supplierId: t.supplierId,
      kind: 'TRADE',
      id: t.id,
      personId: named(personId),
      degree,
      contribution,
      nestedPersonId: withheld ? null : t.recordedBy,
      shownId: withheld ? null : t.id,
    });
  }
  for (const r of net.referrals) {
    const degree = n.get(r.fromId);
    if (
      r.toId !== net.viewerId ||
      degree === undefined ||
      !IN_C.includes(r.categoryId) ||
      !candidates.has(r.supplierId)
    )
      continue;
    evidence.push({
      supplierId: r.supplierId,
      kind: 'REFERRAL',
      id: r.id,
      personId: named(r.fromId),
      degree,
      contribution: WEIGHT[degree] * 0.8 * decayed(r.createdAt, now),
      // The referral was sent to the viewer, who knows who sent it; it has no person field checked here.
      nestedPersonId: null,
      shownId: r.id,
    });
  }
  const bySupplier = new Map<string, typeof evidence>();
  for (const item of evidence) bySupplier.set(item.supplierId, [...(bySupplier.get(item.supplierId) ?? []), item]);
  const kindOrder: Record<string, number> = { ENDORSEMENT: 0, TRADE: 1, REFERRAL: 2 };
  const name = (id: string) => net.orgs.find((o) => o.id === id)!.name;
  return [...bySupplier]
    .map(([supplierId, items]) => ({
      supplierId,
      score: items.reduce((s, i) => s + i.contribution, 0),
      evidenceCount: items.length,
      evidence: [...items]
        .sort(
          (a, b) => b.contribution - a.contribution || kindOrder[a.kind] - kindOrder[b.kind] || (a.id < b.id ? -1 : 1),
        )
        .slice(0, evidenceLimit),
    }))
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (name(a.supplierId) < name(b.supplierId)
          ? -1
          : name(a.supplierId) > name(b.supplierId)
            ? 1
            : a.supplierId < b.supplierId
              ? -1
              : 1),
    );
}
