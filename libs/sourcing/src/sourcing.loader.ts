import DataLoader from 'dataloader';
import { AuthUser, byKeys, Connection, RequestLoaders } from '#tradegraph/common';
import { SourcingAnswer } from './models/sourcing-answer.model.js';
import { SourcingRequest } from './models/sourcing-request.model.js';
import { SourcingService } from './sourcing.service.js';

/** The request's batched lookup of sourcing requests the viewer can see (null for any other id). */
export function visibleSourcingRequestLoader(
  loaders: RequestLoaders,
  sourcing: SourcingService,
  viewer: AuthUser,
): DataLoader<string, SourcingRequest | null> {
  return loaders.get<string, SourcingRequest | null>('visibleSourcingRequest', async (ids) =>
    byKeys(ids, await sourcing.findVisible(viewer, ids), (request) => request.id),
  );
}

/** One page of answers per request, batched across the requests that ask for the same page. */
export function sourcingAnswersLoader(
  loaders: RequestLoaders,
  sourcing: SourcingService,
  viewer: AuthUser,
  first: number,
  after: string | null | undefined,
): DataLoader<string, Connection<SourcingAnswer>> {
  return loaders.get<string, Connection<SourcingAnswer>>(`sourcingAnswers:${first}:${after ?? ''}`, (ids) =>
    sourcing.answerPages(viewer, ids, first, after, loaders),
  );
}
