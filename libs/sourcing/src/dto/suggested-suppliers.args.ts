import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_SUGGESTED } from './sourcing-rules.js';

@ArgsType()
export class SuggestedSuppliersArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 5,
    description: `How many suppliers to return, 1 to ${MAX_SUGGESTED}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTED)
  first: number = 5;
}
