import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { COMMENT_MAX } from './sourcing-rules.js';

@InputType({ description: 'A supplier suggested in answer to a sourcing request.' })
export class AnswerSourcingRequestInput {
  @Field(() => ID, { description: 'The open sourcing request being answered.' })
  @IsString()
  @MaxLength(100)
  requestId: string;

  @Field(() => ID, { description: 'The suggested supplier; it must supply the request’s category (or a subcategory).' })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @Field(() => String, {
    nullable: true,
    description: `A note to the requester, at most ${COMMENT_MAX.toLocaleString('en')} characters; omitted, null or blank means none.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(COMMENT_MAX, { message: `comment must be at most ${COMMENT_MAX} characters` })
  comment?: string | null;
}
