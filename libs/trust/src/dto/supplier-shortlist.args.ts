import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_SHORTLIST = 50;

@ArgsType()
export class SupplierShortlistArgs {
  @Field(() => ID, { description: 'The category; its subcategories are included.' })
  @IsString()
  @MaxLength(100)
  categoryId: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 2,
    description: 'How far into your network to look, 1 to 3 connection steps.',
  })
  @IsInt()
  @Min(1, { message: 'maxDegree must be 1 to 3' })
  @Max(3, { message: 'maxDegree must be 1 to 3' })
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
