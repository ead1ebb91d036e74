import DataLoader from 'dataloader';
import { AuthUser, byKeys, groupByKeys, RequestLoaders } from '#tradegraph/common';
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

/** Referrals received, by recipient id, newest first; empty for anyone but the viewer. */
export function referralsReceivedLoader(
  loaders: RequestLoaders,
  referrals: ReferralsService,
  viewer: AuthUser,
): DataLoader<string, Referral[]> {
  return loaders.get<string, Referral[]>('referralsReceived', async (ids) =>
    groupByKeys(ids, await referrals.received(viewer, ids), (referral) => referral.toId),
  );
}

/** Referrals sent, by sender id, newest first; empty for anyone but the viewer. */
export function referralsSentLoader(
  loaders: RequestLoaders,
  referrals: ReferralsService,
  viewer: AuthUser,
): DataLoader<string, Referral[]> {
  return loaders.get<string, Referral[]>('referralsSent', async (ids) =>
    groupByKeys(ids, await referrals.sent(viewer, ids), (referral) => referral.fromId),
  );
}
