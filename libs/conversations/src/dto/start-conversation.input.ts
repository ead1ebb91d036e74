import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MESSAGE_MAX, OTHERS_MAX, OTHERS_MIN, SUBJECT_MAX } from './conversation-rules.js';

const OTHERS_MESSAGE = `participantIds must name ${OTHERS_MIN} to ${OTHERS_MAX} other people`;

@InputType({ description: 'A new conversation and its first message.' })
export class StartConversationInput {
  @Field(() => [ID], {
    description: `The ${OTHERS_MIN} to ${OTHERS_MAX} other people, each a connection of yours, introduced to you by an accepted introduction, or a member of a supplier you have an open inquiry with.`,
  })
  @ArrayMinSize(OTHERS_MIN, { message: OTHERS_MESSAGE })
  @ArrayMaxSize(OTHERS_MAX, { message: OTHERS_MESSAGE })
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  participantIds: string[];

  @Field({ description: `The first message, plain text, 1 to ${MESSAGE_MAX.toLocaleString('en')} characters.` })
  @Trim()
  @IsString()
  @Length(1, MESSAGE_MAX, { message: `text must be 1 to ${MESSAGE_MAX} characters` })
  text: string;

  @Field(() => String, {
    nullable: true,
    description: `A subject, at most ${SUBJECT_MAX} characters; blank means none.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(SUBJECT_MAX, { message: `subject must be at most ${SUBJECT_MAX} characters` })
  subject?: string | null;
}
