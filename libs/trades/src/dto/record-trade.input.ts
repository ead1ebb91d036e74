import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalarType } from '#tradegraph/common';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { AmountBand } from '../models/amount-band.enum.js';
import { TradeVisibility } from '../models/trade-visibility.enum.js';

@InputType({ description: 'A trade to record, on behalf of the buyer organization the caller works at.' })
export class RecordTradeInput {
  @Field(() => ID, { description: 'The buying organization; the caller must be a current member of it.' })
  @IsString()
  @MaxLength(100)
  buyerId: string;

  @Field(() => ID, {
    description: 'The supplying organization: another organization with the SUPPLIER role that supplies the category.',
  })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @Field(() => ID, { description: 'The category of what was bought.' })
  @IsString()
  @MaxLength(100)
  categoryId: string;

  @Field(() => DateScalarType, { description: 'When the trade took place; not in the future.' })
  @IsString()
  occurredOn: string;

  @Field(() => AmountBand, { description: 'The rough value of the trade.' })
  @IsEnum(AmountBand)
  amountBand: AmountBand;

  @Field(() => TradeVisibility, {
    nullable: true,
    defaultValue: TradeVisibility.PUBLIC,
    description: 'PUBLIC (the default) or PRIVATE to the members of the buyer and the supplier.',
  })
  @IsOptional()
  @IsEnum(TradeVisibility)
  visibility?: TradeVisibility | null;
}
