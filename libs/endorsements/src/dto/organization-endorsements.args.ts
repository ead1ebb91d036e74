import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '#tradegraph/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Arguments of Organization.endorsements: a page, optionally narrowed to one category. */
@ArgsType()
export class OrganizationEndorsementsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only endorsements in this category; all categories when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  categoryId?: string | null;
}
