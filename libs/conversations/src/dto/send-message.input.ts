import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsString, Length, MaxLength } from 'class-validator';
import { MESSAGE_MAX } from './conversation-rules.js';

@InputType({ description: 'A message to a conversation you take part in.' })
export class SendMessageInput {
  @Field(() => ID, { description: 'The conversation.' })
  @IsString()
  @MaxLength(100)
  conversationId: string;

  @Field({ description: `Plain text, 1 to ${MESSAGE_MAX.toLocaleString('en')} characters; links are not rendered.` })
  @Trim()
  @IsString()
  @Length(1, MESSAGE_MAX, { message: `text must be 1 to ${MESSAGE_MAX} characters` })
  text: string;
}
