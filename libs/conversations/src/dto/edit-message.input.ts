import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsString, Length, MaxLength } from 'class-validator';
import { EDIT_WINDOW_MINUTES, MESSAGE_MAX } from './conversation-rules.js';

@InputType({ description: `New text for a message you sent less than ${EDIT_WINDOW_MINUTES} minutes ago.` })
export class EditMessageInput {
  @Field(() => ID, { description: 'The message.' })
  @IsString()
  @MaxLength(100)
  messageId: string;

  @Field({ description: `Plain text, 1 to ${MESSAGE_MAX.toLocaleString('en')} characters.` })
  @Trim()
  @IsString()
  @Length(1, MESSAGE_MAX, { message: `text must be 1 to ${MESSAGE_MAX} characters` })
  text: string;
}
