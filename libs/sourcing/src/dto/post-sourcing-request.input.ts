import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalarType, Trim } from '#tradegraph/common';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { DESCRIPTION_MAX, MAX_REQUEST_DEGREE } from './sourcing-rules.js';

const DEGREE_MESSAGE = `maxDegree must be 1 to ${MAX_REQUEST_DEGREE}`;

@InputType({ description: 'A question to one’s network about suppliers of a category.' })
export class PostSourcingRequestInput {
  @Field(() => ID, { description: 'The category a supplier is wanted for.' })
  @IsString()
  @MaxLength(100)
  categoryId: string;

  @Field({ description: `What is wanted, 1 to ${DESCRIPTION_MAX.toLocaleString('en')} characters.` })
  @Trim()
  @IsString()
  @Length(1, DESCRIPTION_MAX, { message: `description must be 1 to ${DESCRIPTION_MAX} characters` })
  description: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: `Who sees it: the people up to this many connection steps away now, 1 to ${MAX_REQUEST_DEGREE}.`,
  })
  @IsInt({ message: DEGREE_MESSAGE })
  @Min(1, { message: DEGREE_MESSAGE })
  @Max(MAX_REQUEST_DEGREE, { message: DEGREE_MESSAGE })
  maxDegree: number = 1;

  @Field(() => DateScalarType, { nullable: true, description: 'When a supplier is needed by; not in the past.' })
  @IsOptional()
  neededBy?: string | null;
}
