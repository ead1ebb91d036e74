import { Feedback } from './models/feedback.model.js';
import { SupplierScorecard } from './models/supplier-scorecard.model.js';

/** The feedback with `average`, the mean of its three scores. */
export function withAverage(feedback: Omit<Feedback, 'average'>): Feedback {
  return { ...feedback, average: (feedback.quality + feedback.delivery + feedback.communication) / 3 };
}

/** What the scorecard query counts for one organization. */
export interface ScorecardFigures {
  organizationId: string;
  /** The supplier is domain-verified (libs/organizations' DOMAIN_VERIFIED). */
  domainVerified: boolean;
  confirmedTradeCount: number;
  /** Of the counted trades, those whose buyer is domain-verified. */
  verifiedBuyerTradeCount: number;
  distinctBuyerCount: number;
  /** Buyers with two or more of the counted trades. */
  repeatBuyerCount: number;
  lastTradedOn: string | null;
  averageQuality: number | null;
  averageDelivery: number | null;
  averageCommunication: number | null;
  endorsementCount: number;
  averageEndorsementRating: number | null;
}

/** The scorecard of an organization with nothing to count (no visible trades, no endorsements). */
export const EMPTY_FIGURES: Omit<ScorecardFigures, 'organizationId'> = {
  domainVerified: false,
  confirmedTradeCount: 0,
  verifiedBuyerTradeCount: 0,
  distinctBuyerCount: 0,
  repeatBuyerCount: 0,
  lastTradedOn: null,
  averageQuality: null,
  averageDelivery: null,
  averageCommunication: null,
  endorsementCount: 0,
  averageEndorsementRating: null,
};

/** Turns the counted figures into the scorecard; the repeat-buyer share is null without buyers. */
export function toScorecard(figures: Omit<ScorecardFigures, 'organizationId'>): SupplierScorecard {
  const { confirmedTradeCount, distinctBuyerCount, repeatBuyerCount, endorsementCount } = figures;
  return {
    domainVerified: figures.domainVerified,
    confirmedTradeCount,
    verifiedBuyerTradeCount: figures.verifiedBuyerTradeCount,
    distinctBuyerCount,
    repeatBuyerShare: distinctBuyerCount > 0 ? repeatBuyerCount / distinctBuyerCount : null,
    averageQuality: figures.averageQuality,
    averageDelivery: figures.averageDelivery,
    averageCommunication: figures.averageCommunication,
    endorsementCount,
    averageEndorsementRating: figures.averageEndorsementRating,
    lastTradedOn: figures.lastTradedOn,
  };
}
