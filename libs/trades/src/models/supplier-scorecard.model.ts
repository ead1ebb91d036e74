import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateScalarType } from '#tradegraph/common';

@ObjectType({
  description:
    'How an organization has done as a supplier: its CONFIRMED trades visible to the viewer, their feedback, and its endorsements.',
})
export class SupplierScorecard {
  @Field(() => Boolean, {
    description: 'Whether the supplier is domain-verified (see `Organization.verification`).',
  })
  domainVerified: boolean;

  @Field(() => Int, { description: 'Confirmed trades with this organization as supplier that the viewer can see.' })
  confirmedTradeCount: number;

  @Field(() => Int, {
    description:
      'Of those trades, how many have a domain-verified buyer. Trades between two organizations neither of which is domain-verified count half in the shortlist ranking.',
  })
  verifiedBuyerTradeCount: number;

  @Field(() => Int, { description: 'How many different buyers those trades have.' })
  distinctBuyerCount: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of those buyers with two or more of those trades, 0 to 1; null without trades.',
  })
  repeatBuyerShare: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean quality score of their feedback; null without feedback.' })
  averageQuality: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean delivery score of their feedback; null without feedback.' })
  averageDelivery: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean communication score of their feedback; null without feedback.',
  })
  averageCommunication: number | null;

  @Field(() => Int, { description: 'How many endorsements the organization has received.' })
  endorsementCount: number;

  @Field(() => Float, { nullable: true, description: 'Mean rating of those endorsements; null without any.' })
  averageEndorsementRating: number | null;

  @Field(() => DateScalarType, { nullable: true, description: 'Latest date of those trades; null without trades.' })
  lastTradedOn: string | null;
}
