/**
 * The policy-leaks test's own plain model of the network it builds through the API, and the
 * privacy rules of the product issue written over that model. The test compares every response
 * against these predicates, never against the code under test.
 */

export type Visibility = 'EVERYONE' | 'CONNECTIONS' | 'ONLY_ME';
export type Membership = 'APPROVED' | 'PENDING' | 'ENDED';

export interface MPerson {
  key: string;
  id: string;
  name: string;
  email: string;
  password: string;
  token: string;
  visibility: Visibility;
  searchable: boolean;
  deleted: boolean;
}
export interface MOrg {
  key: string;
  id: string;
  name: string;
  adminId: string;
  supplies: string[];
  members: Map<string, Membership>;
  /** Its website is on the domain of everyone's (verified) address: domain-verified while it has a current member. */
  onMembersDomain: boolean;
}
export interface MTrade {
  id: string;
  buyerId: string;
  supplierId: string;
  categoryId: string;
  status: 'CONFIRMED' | 'PENDING' | 'REJECTED';
  visibility: 'PUBLIC' | 'PRIVATE';
  recordedBy: string;
  /** The supplier member who confirmed or rejected it, when one did. */
  confirmedBy?: string;
  /** The author of its feedback, when it has some. */
  feedbackBy?: string;
}

/** The shared placeholder that takes over the trade records of deleted accounts; it names nobody. */
export const FORMER_MEMBER_ID = 'former-member';

const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export class LeakModel {
  readonly people: MPerson[] = [];
  readonly orgs: MOrg[] = [];
  readonly trades: MTrade[] = [];
  readonly endorsements: { id: string; endorserId: string; supplierId: string }[] = [];
  readonly referrals: { id: string; fromId: string; toId: string }[] = [];
  readonly introductions: { id: string; requesterId: string; path: string[] }[] = [];
  readonly sourcingRequests: { id: string; requesterId: string }[] = [];
  readonly answers: { id: string; requestId: string; answererId: string }[] = [];
  readonly conversations: { id: string; participantIds: string[] }[] = [];
  /** Messages sent after the first of a conversation (whose id no mutation answers). */
  readonly messages: { id: string; conversationId: string; senderId: string }[] = [];
  readonly inquiries: { id: string; buyerId: string; supplierId: string; claimedById: string | null }[] = [];
  private readonly edges = new Set<string>();
  private readonly blocks = new Set<string>();
  private readonly byId = new Map<string, MPerson>();
  private readonly distanceCache = new Map<string, Map<string, number>>();

  constructor(readonly seed: number) {}

  addPerson(person: MPerson): void {
    this.people.push(person);
    this.byId.set(person.id, person);
  }
  person(id: string): MPerson | undefined {
    return this.byId.get(id);
  }
  /** A short label for failure messages: the model key, or the raw id when it is nobody we know. */
  label(id: string | null | undefined): string {
    if (id === FORMER_MEMBER_ID) return 'Former member';
    return id ? (this.byId.get(id)?.key ?? `unknown(${id})`) : 'null';
  }
  alive(): MPerson[] {
    return this.people.filter((p) => !p.deleted);
  }

  connect(a: string, b: string): void {
    this.edges.add(pair(a, b));
    this.distanceCache.clear();
  }
  disconnect(a: string, b: string): void {
    this.edges.delete(pair(a, b));
    this.distanceCache.clear();
  }
  connected(a: string, b: string): boolean {
    return this.edges.has(pair(a, b));
  }
  neighbours(id: string): string[] {
    return this.alive()
      .map((p) => p.id)
      .filter((other) => other !== id && this.connected(id, other));
  }
  block(blocker: string, blocked: string): void {
    this.blocks.add(`${blocker}>${blocked}`);
    this.distanceCache.clear();
    this.disconnect(blocker, blocked);
  }
  /** Either of the two blocked the other: to each other they are as if absent. */
  blockedBetween(a: string, b: string): boolean {
    return this.blocks.has(`${a}>${b}`) || this.blocks.has(`${b}>${a}`);
  }
  /** `blocker` blocked `blocked` (one direction). */
  blockedBy(blocker: string, blocked: string): boolean {
    return this.blocks.has(`${blocker}>${blocked}`);
  }
  blockPairs(): [string, string][] {
    return [...this.blocks].map((b) => b.split('>') as [string, string]);
  }

  /** Removes an account as deleteAccount does: its ties go, its trade records pass to the placeholder. */
  deletePerson(id: string): void {
    const person = this.byId.get(id)!;
    person.deleted = true;
    this.distanceCache.clear();
    for (const other of this.people) this.disconnect(id, other.id);
    for (const org of this.orgs) org.members.delete(id);
    for (const trade of this.trades) {
      if (trade.recordedBy === id) trade.recordedBy = FORMER_MEMBER_ID;
      if (trade.confirmedBy === id) trade.confirmedBy = FORMER_MEMBER_ID;
      if (trade.feedbackBy === id) trade.feedbackBy = FORMER_MEMBER_ID;
    }
    const drop = <T>(list: T[], gone: (item: T) => boolean) =>
      list.splice(0, list.length, ...list.filter((x) => !gone(x)));
    drop(this.endorsements, (e) => e.endorserId === id);
    drop(this.referrals, (r) => r.fromId === id || r.toId === id);
    drop(this.introductions, (i) => i.requesterId === id || i.path.includes(id));
    const requests = new Set(this.sourcingRequests.filter((r) => r.requesterId === id).map((r) => r.id));
    drop(this.sourcingRequests, (r) => requests.has(r.id));
    drop(this.answers, (a) => a.answererId === id || requests.has(a.requestId));
  }

  isMember(personId: string, orgId: string): boolean {
    return this.orgs.find((o) => o.id === orgId)?.members.get(personId) === 'APPROVED';
  }
  currentMembers(orgId: string): string[] {
    const org = this.orgs.find((o) => o.id === orgId)!;
    return [...org.members].filter(([, status]) => status === 'APPROVED').map(([id]) => id);
  }

  /** Domain-verified: its website is on its members' domain and it has a current member. */
  domainVerified(orgId: string): boolean {
    return !!this.orgs.find((o) => o.id === orgId)?.onMembersDomain && this.currentMembers(orgId).length > 0;
  }

  // ---- The rules of the issue, over the model ----

  /** The viewer may name the person at all: themself, anyone alive they have no block with, or the placeholder. */
  maySee(viewerId: string, id: string): boolean {
    if (id === viewerId || id === FORMER_MEMBER_ID) return true;
    const person = this.byId.get(id);
    return !!person && !person.deleted && !this.blockedBetween(viewerId, id);
  }
  /** Why the viewer may not name the person, or null when they may. */
  hiddenBecause(viewerId: string, id: string): 'blocked' | 'deleted' | 'unknown' | null {
    if (this.maySee(viewerId, id)) return null;
    const person = this.byId.get(id);
    if (!person) return 'unknown';
    return person.deleted ? 'deleted' : 'blocked';
  }
  /** Named in network searches (networkTradersWith, shortlist evidence): seeable and not opted out. */
  mayNameInSearch(viewerId: string, id: string): boolean {
    if (id === viewerId || id === FORMER_MEMBER_ID) return true;
    return this.maySee(viewerId, id) && this.byId.get(id)!.searchable;
  }
  /** The owner's connectionsVisibility lets the viewer see the owner's connections. */
  connectionsVisible(viewerId: string, ownerId: string): boolean {
    if (ownerId === viewerId) return true;
    const owner = this.byId.get(ownerId);
    if (!owner || owner.deleted || this.blockedBetween(viewerId, ownerId)) return false;
    if (owner.visibility === 'EVERYONE') return true;
    return owner.visibility === 'CONNECTIONS' && this.connected(ownerId, viewerId);
  }
  /** The viewer may learn that a and b are connected. */
  edgeLearnable(viewerId: string, a: string, b: string): boolean {
    return (
      a === viewerId || b === viewerId || this.connectionsVisible(viewerId, a) || this.connectionsVisible(viewerId, b)
    );
  }
  /** Why the edge is hidden from the viewer, for failure messages. */
  edgeSecrecy(viewerId: string, a: string, b: string): string {
    const why = (id: string) => {
      const p = this.byId.get(id);
      if (!p) return `${this.label(id)} unknown`;
      if (p.visibility === 'CONNECTIONS') return `${p.key} is CONNECTIONS and not connected to the viewer`;
      return `${p.key} is ${p.visibility}`;
    };
    return `${why(a)}; ${why(b)}`;
  }
  /**
   * Organization.verification.vouchedBy as the viewer may see it: the current members of other
   * domain-verified organizations with a CONFIRMED PUBLIC trade with the organization, not its own
   * current members, and only people the viewer may see.
   */
  vouchers(viewerId: string, orgId: string): string[] {
    const partners = this.trades
      .filter((t) => t.status === 'CONFIRMED' && t.visibility === 'PUBLIC')
      .flatMap((t) => (t.buyerId === orgId ? [t.supplierId] : t.supplierId === orgId ? [t.buyerId] : []))
      .filter((x) => x !== orgId && this.domainVerified(x));
    const people = new Set(partners.flatMap((x) => this.currentMembers(x)));
    return [...people].filter((id) => !this.isMember(id, orgId) && this.maySee(viewerId, id));
  }

  /** The people a trade names: its recorder, its confirmer and its feedback author. */
  tradePeople(trade: MTrade): string[] {
    return [trade.recordedBy, trade.confirmedBy, trade.feedbackBy].filter((id): id is string => !!id);
  }

  tradeVisible(viewerId: string, trade: MTrade): boolean {
    return (
      trade.visibility === 'PUBLIC' ||
      this.isMember(viewerId, trade.buyerId) ||
      this.isMember(viewerId, trade.supplierId)
    );
  }

  /** Confirmed trades with the supplier that the viewer may see and that involve the person (buyer member or recorder). */
  visibleTradesOf(viewerId: string, personId: string, supplierId: string): MTrade[] {
    return this.trades.filter(
      (t) =>
        t.status === 'CONFIRMED' &&
        t.supplierId === supplierId &&
        (this.isMember(personId, t.buyerId) || t.recordedBy === personId) &&
        this.tradeVisible(viewerId, t),
    );
  }

  /**
   * Breadth-first distances from the viewer over the living people. With `withoutBlocked`, the people
   * who have a block with the viewer are left out, as "as if absent" reads; the test accepts either.
   */
  distances(viewerId: string, withoutBlocked: boolean): Map<string, number> {
    const cacheKey = `${viewerId}:${withoutBlocked}`;
    const cached = this.distanceCache.get(cacheKey);
    if (cached) return cached;
    const dist = new Map([[viewerId, 0]]);
    const queue = [viewerId];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const next of this.neighbours(current)) {
        if (dist.has(next) || (withoutBlocked && this.blockedBetween(viewerId, next))) continue;
        dist.set(next, dist.get(current)! + 1);
        queue.push(next);
      }
    }
    this.distanceCache.set(cacheKey, dist);
    return dist;
  }
  /** The true shortest distances from the viewer to a person, under both readings of blocking. */
  acceptableDistances(viewerId: string, id: string): Set<number | null> {
    return new Set([true, false].map((w) => this.distances(viewerId, w).get(id) ?? null));
  }
}
