import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';
import { NotificationKind } from './notification-kind.enum.js';

@ObjectType({
  description: 'Something that happened which concerns the caller, stored until deleted with the account.',
})
export class Notification {
  @Field(() => ID, { description: 'Stable id of the notification.' })
  id: string;

  /** Who it is for; used to deliver it live to that person only. Not exposed. */
  recipientId: string;

  @Field(() => NotificationKind, { description: 'What happened.' })
  kind: NotificationKind;

  @Field({ description: 'When it happened.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the recipient marked it read; null while unread.' })
  readAt: Date | null;

  /** Exposed through `actor`. */
  actorId: string | null;

  @Field(() => ID, { description: 'Id of the thing it is about (see NotificationKind).' })
  subjectId: string;

  @Field({ description: 'One human-readable line, e.g. "Ada Lovelace wants to connect".' })
  summary: string;
}

@ObjectType({ description: 'A page of the caller’s notifications, newest first.' })
export class NotificationConnection extends ConnectionType(Notification, 'Notification') {}
