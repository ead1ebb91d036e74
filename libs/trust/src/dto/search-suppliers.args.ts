import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs, UpperTrim } from '#tradegraph/common';
import { IsBoolean, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class SearchSuppliersArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words to find in supplier names and descriptions (at most 200 characters).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'text must be at most 200 characters' })
  text?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only suppliers of this category or one of its subcategories.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  categoryId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only suppliers registered in this country (ISO 3166-1 alpha-2).',
  })
  @IsOptional()
  @UpperTrim()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or US' })
  country?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Only domain-verified suppliers (see `Organization.verification`).',
  })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean | null = false;
}
