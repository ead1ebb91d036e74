import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';

@ObjectType({
  description: 'A conversation between 2 to 10 people, seen by one of its current participants.',
})
export class Conversation {
  @Field(() => ID, { description: 'Stable id of the conversation.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Its subject; null when none was given.' })
  subject: string | null;

  @Field({ description: 'When it was started.' })
  createdAt: Date;

  @Field({ description: 'Whether you muted it: its new messages then notify you no more.' })
  muted: boolean;

  /** The viewer's read position; for `unreadCount`. Not exposed. */
  lastReadSeq: number;
}

@ObjectType({ description: 'A page of the viewer’s conversations, newest activity first.' })
export class ConversationConnection extends ConnectionType(Conversation, 'Conversation') {}
