import DataLoader from 'dataloader';
import { RequestLoaders } from '#tradegraph/common';
import { PathPerson } from './path-visibility.js';
import { PathNaming } from './policy-cypher.js';
import type { PolicyService } from './policy.service.js';

/**
 * The path rules' flags of each person for this viewer, batched per request: a page of stored paths
 * (introductions) costs one round trip. Null for a person who no longer exists.
 */
export function pathPeopleLoader(
  loaders: RequestLoaders,
  policy: PolicyService,
  viewerId: string,
  naming: PathNaming,
): DataLoader<string, PathPerson | null> {
  return loaders.get<string, PathPerson | null>(`pathPeople:${viewerId}:${naming}`, async (ids) => {
    const found = new Map((await policy.pathPeople(viewerId, ids, naming)).map((person) => [person.id, person]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
