import { registerEnumType } from '@nestjs/graphql';

export enum TradeVisibility {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}

registerEnumType(TradeVisibility, {
  name: 'TradeVisibility',
  description: 'Who may see a trade and have it count in scorecards and rankings.',
  valuesMap: {
    PUBLIC: { description: 'Visible to everyone.' },
    PRIVATE: {
      description:
        'Visible only to current members of the buyer and of the supplier; for everyone else it does not exist.',
    },
  },
});
