import DataLoader from 'dataloader';
import { AuthUser, groupByKeys, RequestLoaders } from '#tradegraph/common';
import { currentHandlerId } from './introduction-policy.js';
import { IntroductionsService } from './introductions.service.js';
import { Introduction } from './models/introduction.model.js';

/** PENDING introductions waiting for each person, newest first; empty for anyone but the viewer. */
export function introductionsToHandleLoader(
  loaders: RequestLoaders,
  introductions: IntroductionsService,
  viewer: AuthUser,
): DataLoader<string, Introduction[]> {
  return loaders.get<string, Introduction[]>('introductionsToHandle', async (ids) =>
    groupByKeys(ids, await introductions.toHandle(viewer, ids), (introduction) => currentHandlerId(introduction)!),
  );
}

/** Introductions requested by each person, newest first; empty for anyone but the viewer. */
export function introductionsRequestedLoader(
  loaders: RequestLoaders,
  introductions: IntroductionsService,
  viewer: AuthUser,
): DataLoader<string, Introduction[]> {
  return loaders.get<string, Introduction[]>('introductionsRequested', async (ids) =>
    groupByKeys(ids, await introductions.requested(viewer, ids), (introduction) => introduction.requesterId),
  );
}
