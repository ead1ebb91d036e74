import { EMPTY_FIGURES, ScorecardFigures, toScorecard, withAverage } from './scores.js';

describe('withAverage', () => {
  it('adds the mean of the three scores', () => {
    const feedback = {
      id: 'f1',
      tradeId: 't1',
      authorId: 'p1',
      quality: 5,
      delivery: 4,
      communication: 4,
      comment: null,
      createdAt: new Date('2024-01-01T00:00:00Z'),
      updatedAt: new Date('2024-01-02T00:00:00Z'),
    };
    expect(withAverage(feedback)).toEqual({ ...feedback, average: 13 / 3 });
    expect(withAverage({ ...feedback, quality: 1, delivery: 1, communication: 1 }).average).toBe(1);
  });
});

describe('toScorecard', () => {
  it('has no repeat-buyer share, averages or last date without trades', () => {
    expect(toScorecard(EMPTY_FIGURES)).toEqual({
      domainVerified: false,
      confirmedTradeCount: 0,
      verifiedBuyerTradeCount: 0,
      distinctBuyerCount: 0,
      repeatBuyerShare: null,
      averageQuality: null,
      averageDelivery: null,
      averageCommunication: null,
      endorsementCount: 0,
      averageEndorsementRating: null,
      lastTradedOn: null,
    });
  });

  it('divides the buyers with two or more trades by all distinct buyers, and passes the rest through', () => {
    const figures: ScorecardFigures = {
      organizationId: 'o1',
      domainVerified: true,
      confirmedTradeCount: 7,
      verifiedBuyerTradeCount: 5,
      distinctBuyerCount: 4,
      repeatBuyerCount: 1,
      lastTradedOn: '2024-06-30',
      averageQuality: 4.5,
      averageDelivery: 3,
      averageCommunication: 2.5,
      endorsementCount: 3,
      averageEndorsementRating: 4,
    };
    const scorecard = toScorecard(figures);
    expect(scorecard).toEqual({
      domainVerified: true,
      confirmedTradeCount: 7,
      verifiedBuyerTradeCount: 5,
      distinctBuyerCount: 4,
      repeatBuyerShare: 0.25,
      averageQuality: 4.5,
      averageDelivery: 3,
      averageCommunication: 2.5,
      endorsementCount: 3,
      averageEndorsementRating: 4,
      lastTradedOn: '2024-06-30',
    });
    expect(scorecard).not.toHaveProperty('organizationId');
  });

  it('gives a share of 0 when no buyer came back', () => {
    expect(toScorecard({ ...EMPTY_FIGURES, confirmedTradeCount: 2, distinctBuyerCount: 2 }).repeatBuyerShare).toBe(0);
  });
});
