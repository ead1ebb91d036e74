import DataLoader from 'dataloader';
import { AuthUser, Connection, RequestLoaders } from '#tradegraph/common';
import { IntroductionsService } from './introductions.service.js';
import { Introduction } from './models/introduction.model.js';

/** One page of PENDING introductions waiting for each person, newest first; null for anyone but the viewer. */
export function introductionsToHandleLoader(
  loaders: RequestLoaders,
  introductions: IntroductionsService,
  viewer: AuthUser,
  first: number,
  offset: number,
): DataLoader<string, Connection<Introduction> | null> {
  // Persons asking for the same page share one batch.
  return loaders.get<string, Connection<Introduction> | null>(`introductionsToHandle:${first}:${offset}`, (ids) =>
    introductions.toHandle(viewer, ids, first, offset),
  );
}

/** One page of introductions requested by each person, newest first; null for anyone but the viewer. */
export function introductionsRequestedLoader(
  loaders: RequestLoaders,
  introductions: IntroductionsService,
  viewer: AuthUser,
  first: number,
  offset: number,
): DataLoader<string, Connection<Introduction> | null> {
  return loaders.get<string, Connection<Introduction> | null>(`introductionsRequested:${first}:${offset}`, (ids) =>
    introductions.requested(viewer, ids, first, offset),
  );
}
