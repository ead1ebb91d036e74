import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MESSAGE_MAX, SUBJECT_MAX } from './conversation-rules.js';

@InputType({ description: 'A question to a supplier organization, for its shared inbox.' })
export class SendInquiryInput {
  @Field(() => ID, { description: 'The supplier organization asked.' })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @Field(() => ID, { nullable: true, description: 'The category the question is about.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  categoryId?: string | null;

  @Field({ description: `A subject, 1 to ${SUBJECT_MAX} characters.` })
  @Trim()
  @IsString()
  @Length(1, SUBJECT_MAX, { message: `subject must be 1 to ${SUBJECT_MAX} characters` })
  subject: string;

  @Field({ description: `The question, plain text, 1 to ${MESSAGE_MAX.toLocaleString('en')} characters.` })
  @Trim()
  @IsString()
  @Length(1, MESSAGE_MAX, { message: `text must be 1 to ${MESSAGE_MAX} characters` })
  text: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'An ACCEPTED introduction you requested, about this supplier or to one of its current members: the inquiry then comes `via` INTRODUCTION.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  introductionId?: string | null;
}
