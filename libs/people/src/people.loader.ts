import DataLoader from 'dataloader';
import { byKeys, RequestLoaders } from '#tradegraph/common';
import { Person } from './models/person.model.js';
import { PeopleService } from './people.service.js';

/** The request's batched Person lookup, shared by every resolver that returns people. */
export function personLoader(loaders: RequestLoaders, people: PeopleService): DataLoader<string, Person | null> {
  return loaders.get<string, Person | null>('person', async (ids) =>
    byKeys(ids, await people.findByIds(ids), (person) => person.id),
  );
}
