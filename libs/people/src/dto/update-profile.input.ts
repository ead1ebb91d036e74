import { Trim, UpperTrim } from '#tradegraph/common';
import { Field, InputType } from '@nestjs/graphql';
import { IsISO31661Alpha2, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { HEADLINE_MAX, NAME_MAX } from './profile-rules.js';

@InputType({
  description: 'Changes to the caller’s profile. Omitted fields stay as they are; null clears an optional one.',
})
export class UpdateProfileInput {
  @Field(() => String, {
    nullable: true,
    description: `New display name, 1 to ${NAME_MAX} characters. Cannot be null.`,
  })
  @ValidateIf((input: UpdateProfileInput) => input.name !== undefined)
  @Trim()
  @IsString({ message: 'name cannot be null' })
  @Length(1, NAME_MAX, { message: `name must be 1 to ${NAME_MAX} characters` })
  name?: string;

  @Field(() => String, {
    nullable: true,
    description: `New headline, at most ${HEADLINE_MAX} characters; null clears it.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(HEADLINE_MAX, { message: `headline must be at most ${HEADLINE_MAX} characters` })
  headline?: string | null;

  @Field(() => String, { nullable: true, description: 'New country, ISO 3166-1 alpha-2 (e.g. "DE"); null clears it.' })
  @IsOptional()
  @UpperTrim()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or US' })
  country?: string | null;
}
