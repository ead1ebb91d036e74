import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '#tradegraph/common';
import { IsString, MaxLength } from 'class-validator';
import { MaxDegreeField } from './max-degree.field.js';

@ArgsType()
export class SupplierShortlistArgs extends PageArgs {
  @Field(() => ID, { description: 'The category; its subcategories are included.' })
  @IsString()
  @MaxLength(100)
  categoryId: string;

  @MaxDegreeField()
  maxDegree: number = 2;
}
