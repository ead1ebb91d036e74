import { registerEnumType } from '@nestjs/graphql';

export enum AmountBand {
  UNDER_10K = 'UNDER_10K',
  FROM_10K_TO_100K = 'FROM_10K_TO_100K',
  FROM_100K_TO_1M = 'FROM_100K_TO_1M',
  OVER_1M = 'OVER_1M',
}

registerEnumType(AmountBand, {
  name: 'AmountBand',
  description: 'The rough value of a trade, in euros or the equivalent; exact amounts are never stored.',
  valuesMap: {
    UNDER_10K: { description: 'Less than 10,000.' },
    FROM_10K_TO_100K: { description: 'From 10,000 up to 100,000.' },
    FROM_100K_TO_1M: { description: 'From 100,000 up to 1,000,000.' },
    OVER_1M: { description: 'More than 1,000,000.' },
  },
});
