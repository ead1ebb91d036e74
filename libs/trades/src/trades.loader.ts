import DataLoader from 'dataloader';
import { AuthUser, byKeys, RequestLoaders } from '#tradegraph/common';
import { FeedbackService } from './feedback.service.js';
import { Feedback } from './models/feedback.model.js';
import { SupplierScorecard } from './models/supplier-scorecard.model.js';
import { Trade } from './models/trade.model.js';
import { TradesService } from './trades.service.js';

/**
 * The request's batched Trade lookup for the viewer: trades the viewer may not see (a PRIVATE trade
 * of organizations the viewer is not a current member of) load as null, exactly like unknown ids.
 */
export function tradeLoader(
  loaders: RequestLoaders,
  trades: TradesService,
  viewer: AuthUser,
): DataLoader<string, Trade | null> {
  return loaders.get<string, Trade | null>(`trade:${viewer.id}`, async (ids) =>
    byKeys(ids, await trades.findVisible(viewer, ids), (trade) => trade.id),
  );
}

/** The feedback of each trade (null without one); load it only for trades the viewer may see. */
export function feedbackByTradeLoader(
  loaders: RequestLoaders,
  feedback: FeedbackService,
): DataLoader<string, Feedback | null> {
  return loaders.get<string, Feedback | null>('feedbackByTrade', async (tradeIds) =>
    byKeys(tradeIds, await feedback.forTrades(tradeIds), (row) => row.tradeId),
  );
}

/** Each organization's supplier scorecard as the viewer sees it, batched into one query per request. */
export function scorecardLoader(
  loaders: RequestLoaders,
  trades: TradesService,
  viewer: AuthUser,
): DataLoader<string, SupplierScorecard> {
  return loaders.get<string, SupplierScorecard>(`scorecard:${viewer.id}`, (organizationIds) =>
    trades.scorecards(viewer, organizationIds),
  );
}
