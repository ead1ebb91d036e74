import { Injectable } from '@nestjs/common';
import { RequestLoaders } from '#tradegraph/common';
import { pathPeopleLoader } from './path-people.loader.js';
import { hideChainFrom, hidePath, PathPerson, ShownPath } from './path-visibility.js';
import { PathNaming } from './policy-cypher.js';
import { PolicyRepository } from './policy.repository.js';

/**
 * The viewer-relative rules as TypeScript predicates, for services and field resolvers. The same
 * rules as Cypher fragments are in policy-cypher.ts; docs/privacy.md states them in plain words.
 */
@Injectable()
export class PolicyService {
  constructor(private readonly policy: PolicyRepository) {}

  /** Whether either person blocked the other; refusals built on it must not reveal the block. */
  blockedBetween(aId: string, bId: string): Promise<boolean> {
    return aId === bId ? Promise.resolve(false) : this.policy.blockedBetween(aId, bId);
  }

  /** The path rules' flags of each person for this viewer; people who no longer exist are left out. */
  pathPeople(viewerId: string, personIds: readonly string[], naming: PathNaming): Promise<PathPerson[]> {
    return personIds.length === 0 ? Promise.resolve([]) : this.policy.pathPeople(viewerId, personIds, naming);
  }

  /** Which of `otherIds` are blocked either way with the person (never the person themself). */
  async blockedAmong(personId: string, otherIds: readonly string[]): Promise<Set<string>> {
    const others = [...new Set(otherIds)].filter((id) => id !== personId);
    return new Set(others.length === 0 ? [] : await this.policy.blockedAmong(personId, others));
  }

  /** Everyone blocked either way with the person: what they send is not shown to the person, nor the reverse. */
  async blockedWith(personId: string): Promise<string[]> {
    return this.policy.blockedWith(personId);
  }

  /**
   * Whether the sender may start a conversation with every one of `otherIds` (MAY_START_CONVERSATION:
   * connected, introduced, or a member of a supplier in `supplierIds`, and no block either way).
   */
  async mayStartConversation(
    senderId: string,
    otherIds: readonly string[],
    supplierIds: readonly string[],
  ): Promise<boolean> {
    const others = [...new Set(otherIds)];
    const allowed = await this.policy.conversationPartners(senderId, others, supplierIds);
    return allowed.length === others.length;
  }

  /**
   * A given chain of connections (the viewer first) as the viewer may see it, by the path rules of
   * path-visibility.ts: hidden people and one end of each edge the viewer may not learn become null.
   * The last person is the caller's to check. A person who no longer exists is hidden too.
   */
  async sanitizePath(viewerId: string, personIds: readonly string[], naming: PathNaming): Promise<ShownPath> {
    const people = new Map((await this.pathPeople(viewerId, personIds, naming)).map((p) => [p.id, p]));
    return shownOrGone(hidePath(viewerId, withGone(personIds, people)), people);
  }

  /**
   * A stored chain the viewer takes part in (an introduction: requester, intermediaries, target) as
   * the viewer may see it, by hideChainFrom: its ends stay for the caller's person checks, and the
   * people between them and the viewer obey the path rules. Batched per request through `loaders`.
   */
  async sanitizeChain(loaders: RequestLoaders, viewerId: string, personIds: readonly string[]): Promise<ShownPath> {
    const found = await pathPeopleLoader(loaders, this, viewerId, 'PERSON').loadMany(personIds);
    const people = new Map<string, PathPerson>();
    for (const person of found) if (person && !(person instanceof Error)) people.set(person.id, person);
    return shownOrGone(hideChainFrom(viewerId, withGone(personIds, people)), people);
  }
}

/** The chain with a stand-in for each person who no longer exists: never nameable, connections never visible. */
function withGone(personIds: readonly string[], people: Map<string, PathPerson>): PathPerson[] {
  return personIds.map((id) => people.get(id) ?? { id, nameable: false, connectionsVisible: false });
}

/** A shown path with people who no longer exist hidden, ends included. */
function shownOrGone(shown: ShownPath, people: Map<string, PathPerson>): ShownPath {
  return shown.map((id) => (id !== null && people.has(id) ? id : null));
}
