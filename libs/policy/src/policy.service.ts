import { Injectable } from '@nestjs/common';
import { hidePath, ShownPath } from './path-visibility.js';
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
    if (personIds.length === 0) return [];
    const people = new Map((await this.policy.pathPeople(viewerId, personIds, naming)).map((p) => [p.id, p]));
    const path = personIds.map((id) => people.get(id) ?? { id, nameable: false, connectionsVisible: false });
    const shown = hidePath(viewerId, path);
    return shown.map((id, i) => (id !== null && people.has(personIds[i]) ? id : null));
  }
}
