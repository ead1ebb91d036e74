import DataLoader from 'dataloader';
import { AuthUser, byKeys, RequestLoaders } from '#tradegraph/common';
import { EndorsementsService } from './endorsements.service.js';
import { Endorsement } from './models/endorsement.model.js';

/** The request's batched Endorsement lookup by id (null for an unknown id). */
export function endorsementLoader(
  loaders: RequestLoaders,
  endorsements: EndorsementsService,
): DataLoader<string, Endorsement | null> {
  return loaders.get<string, Endorsement | null>('endorsement', async (ids) =>
    byKeys(ids, await endorsements.findByIds(ids), (endorsement) => endorsement.id),
  );
}

/** The request's batched `verified` flag by endorsement id, as judged for the request's viewer. */
export function endorsementVerifiedLoader(
  loaders: RequestLoaders,
  endorsements: EndorsementsService,
  viewer: AuthUser,
): DataLoader<string, boolean> {
  return loaders.get<string, boolean>('endorsementVerified', async (ids) => {
    const verified = await endorsements.verified(viewer, ids);
    return ids.map((id) => verified.get(id) ?? false);
  });
}
