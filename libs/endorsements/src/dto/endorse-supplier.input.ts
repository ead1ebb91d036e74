import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COMMENT_MAX, RATING_MAX, RATING_MIN } from './endorsement-rules.js';

const RATING_MESSAGE = `rating must be a whole number from ${RATING_MIN} to ${RATING_MAX}`;

@InputType({ description: 'An endorsement of a supplier in one category it supplies.' })
export class EndorseSupplierInput {
  @Field(() => ID, { description: 'The supplier organization being endorsed.' })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @Field(() => ID, { description: 'The category the endorsement is about; one the supplier supplies.' })
  @IsString()
  @MaxLength(100)
  categoryId: string;

  @Field(() => Int, { description: `How good the supplier is, ${RATING_MIN} (poor) to ${RATING_MAX} (excellent).` })
  @IsInt({ message: RATING_MESSAGE })
  @Min(RATING_MIN, { message: RATING_MESSAGE })
  @Max(RATING_MAX, { message: RATING_MESSAGE })
  rating: number;

  @Field(() => String, {
    nullable: true,
    description: `Why, at most ${COMMENT_MAX.toLocaleString('en')} characters; omitted, null or blank means none.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(COMMENT_MAX, { message: `comment must be at most ${COMMENT_MAX} characters` })
  comment?: string | null;
}
