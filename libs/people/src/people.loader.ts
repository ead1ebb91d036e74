import DataLoader from 'dataloader';
import { AuthUser, byKeys, RequestLoaders } from '#tradegraph/common';
import { Person } from './models/person.model.js';
import { PeopleService } from './people.service.js';

/**
 * The request's batched Person lookup as the viewer may see it, shared by every resolver that returns
 * people: a person the viewer may not see (the policy's MAY_SEE_PERSON: either blocked the other)
 * comes back as null, exactly like one that does not exist.
 */
export function personLoader(
  loaders: RequestLoaders,
  people: PeopleService,
  viewer: AuthUser,
): DataLoader<string, Person | null> {
  return loaders.get<string, Person | null>(`person:${viewer.id}`, async (ids) =>
    byKeys(ids, await people.findVisibleTo(viewer.id, ids), (person) => person.id),
  );
}
