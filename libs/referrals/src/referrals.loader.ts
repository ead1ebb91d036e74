import DataLoader from 'dataloader';
import { AuthUser, byKeys, Connection, RequestLoaders } from '#tradegraph/common';
import { Referral } from './models/referral.model.js';
import { ReferralsService } from './referrals.service.js';

/** The request's batched Referral lookup by id (null for an unknown id). */
export function referralLoader(
  loaders: RequestLoaders,
  referrals: ReferralsService,
): DataLoader<string, Referral | null> {
  return loaders.get<string, Referral | null>('referral', async (ids) =>
    byKeys(ids, await referrals.findByIds(ids), (referral) => referral.id),
  );
}

/** One page of referrals received, by recipient id, newest first; null for anyone but the viewer. */
export function referralsReceivedLoader(
  loaders: RequestLoaders,
  referrals: ReferralsService,
  viewer: AuthUser,
  first: number,
  offset: number,
): DataLoader<string, Connection<Referral> | null> {
  // Persons asking for the same page share one batch.
  return loaders.get<string, Connection<Referral> | null>(`referralsReceived:${first}:${offset}`, (ids) =>
    referrals.received(viewer, ids, first, offset),
  );
}

/** One page of referrals sent, by sender id, newest first; null for anyone but the viewer. */
export function referralsSentLoader(
  loaders: RequestLoaders,
  referrals: ReferralsService,
  viewer: AuthUser,
  first: number,
  offset: number,
): DataLoader<string, Connection<Referral> | null> {
  return loaders.get<string, Connection<Referral> | null>(`referralsSent:${first}:${offset}`, (ids) =>
    referrals.sent(viewer, ids, first, offset),
  );
}
