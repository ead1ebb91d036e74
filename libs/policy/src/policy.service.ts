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
