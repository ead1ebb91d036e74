import { Trim, UpperTrim } from '#tradegraph/common';
import { Field, InputType } from '@nestjs/graphql';
import { HEADLINE_MAX, NAME_MAX } from '#tradegraph/people';
import { IsEmail, IsISO31661Alpha2, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

@InputType({ description: 'A new account and its person.' })
export class RegisterInput {
  @Field({ description: 'Email address used to log in; unique regardless of letter case.' })
  @Trim()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  @Field({ description: `Password, ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` })
  password: string;

  @Field({ description: `Display name, 1 to ${NAME_MAX} characters.` })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX, { message: `name must be 1 to ${NAME_MAX} characters` })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @Field(() => String, { nullable: true, description: `Professional headline, at most ${HEADLINE_MAX} characters.` })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(HEADLINE_MAX, { message: `headline must be at most ${HEADLINE_MAX} characters` })
  headline?: string | null;

  @Field(() => String, { nullable: true, description: 'Country of residence, ISO 3166-1 alpha-2 (e.g. "DE").' })
  @IsOptional()
  @UpperTrim()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE or US' })
  country?: string | null;
}
