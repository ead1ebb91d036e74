import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { MaxDegreeField } from './max-degree.field.js';

export const MAX_SHORTLIST = 50;

@ArgsType()
export class SupplierShortlistArgs {
  @Field(() => ID, { description: 'The category; its subcategories are included.' })
  @IsString()
  @MaxLength(100)
  categoryId: string;

  @MaxDegreeField()
  maxDegree: number = 2;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 10,
    description: `How many suppliers to return, 1 to ${MAX_SHORTLIST}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_SHORTLIST)
  first: number = 10;
}
