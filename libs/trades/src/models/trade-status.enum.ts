import { registerEnumType } from '@nestjs/graphql';

export enum TradeStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}

registerEnumType(TradeStatus, {
  name: 'TradeStatus',
  description: 'Where a trade stands. Only CONFIRMED trades count anywhere (scorecards, rankings).',
  valuesMap: {
    PENDING: { description: 'Recorded by the buyer, waiting for the supplier to confirm or reject it.' },
    CONFIRMED: {
      description:
        'Confirmed by a current member of the supplier who did not record it and was not a current member of the buyer.',
    },
    REJECTED: { description: 'Rejected by a current member of the supplier.' },
  },
});
