import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalarType } from '#tradegraph/common';
import { AmountBand } from './amount-band.enum.js';
import { TradeStatus } from './trade-status.enum.js';
import { TradeVisibility } from './trade-visibility.enum.js';

@ObjectType({
  description:
    'A purchase a buyer organization made from a supplier in one category, recorded by the buyer and confirmed (or rejected) by the supplier.',
})
export class Trade {
  @Field(() => ID, { description: 'Stable id of the trade.' })
  id: string;

  /** Exposed through `buyer`. */
  buyerId: string;

  /** Exposed through `supplier`. */
  supplierId: string;

  /** Exposed through `category`. */
  categoryId: string;

  @Field(() => DateScalarType, { description: 'When the trade took place; never in the future.' })
  occurredOn: string;

  @Field(() => AmountBand, { description: 'The rough value of the trade.' })
  amountBand: AmountBand;

  @Field(() => TradeVisibility, { description: 'PUBLIC, or PRIVATE to the members of both sides.' })
  visibility: TradeVisibility;

  @Field(() => TradeStatus, { description: 'PENDING until the supplier confirms or rejects it.' })
  status: TradeStatus;

  /** Exposed through `recordedBy`. */
  recordedById: string;

  /** Exposed through `confirmedBy`; null unless CONFIRMED. */
  confirmedById: string | null;
}
