import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalarType, Trim } from '#tradegraph/common';

import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

@InputType({ description: 'A request to be recognised as working at an organization.' })
export class RequestEmploymentInput {
  @Field(() => ID, { description: 'The organization.' })
  @IsString()
  @MaxLength(100)
  organizationId: string;

  @Field({ description: 'Job title there, 1 to 100 characters.' })
  @Trim()
  @IsString()
  @Length(1, 100, { message: 'title must be 1 to 100 characters' })
  title: string;

  @Field(() => DateScalarType, { nullable: true, description: 'First day; not in the future.' })
  @IsOptional()
  startedOn?: string | null;
}
