import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { DELETED_TEXT, EDIT_WINDOW_MINUTES } from '../dto/conversation-rules.js';

@ObjectType({ description: 'One message of a conversation, plain text.' })
export class Message {
  @Field(() => ID, { description: 'Stable id of the message.' })
  id: string;

  /** Orders the messages; inside the cursors. Not exposed. */
  seq: number;

  @Field(() => ID, { description: 'The conversation it belongs to.' })
  conversationId: string;

  /** Exposed through `sender`; null once the sender's account is deleted. */
  senderId: string | null;

  @Field({
    description: `The text, plain (links are not rendered); "${DELETED_TEXT}" once its sender deleted it or their account.`,
  })
  text: string;

  @Field({ description: 'When it was sent.' })
  sentAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: `When its sender last edited it (possible for ${EDIT_WINDOW_MINUTES} minutes after sending); null if never.`,
  })
  editedAt: Date | null;

  @Field({ description: 'Whether it was deleted, by its sender or with their account.' })
  deleted: boolean;
}

@ObjectType({
  description: 'A page of a conversation’s messages, newest first; `endCursor` as `before` gives older ones.',
})
export class MessageConnection extends ConnectionType(
  Message,
  'Message',
  'Opaque cursor to pass as `before` to get the older messages that follow this one.',
) {}
