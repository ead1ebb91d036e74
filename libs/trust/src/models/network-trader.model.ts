import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateScalarType } from '#tradegraph/common';

@ObjectType({ description: 'A person in your network who traded with a supplier, and how you reach them.' })
export class NetworkTrader {
  /** Exposed through `person`. */
  personId: string;
  /** Exposed through `path`; null for a person the privacy rules hide. */
  pathIds: (string | null)[];
  /** Exposed through `organization`. */
  organizationId: string;

  @Field(() => Int, { description: 'Your shortest connection distance to the person (1 = a direct connection).' })
  degree: number;

  @Field(() => Int, {
    description: 'How many confirmed trades with the supplier, that you can see, involve the person.',
  })
  tradeCount: number;

  @Field(() => DateScalarType, { description: 'The date of the latest of those trades.' })
  lastTradedOn: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean feedback average (1–5) over those trades that have feedback; null when none has.',
  })
  averageRating: number | null;
}
