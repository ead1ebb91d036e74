import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionRequestStatus } from './connection-request-status.enum.js';

@ObjectType({ description: 'One person’s request to connect with another.' })
export class ConnectionRequest {
  @Field(() => ID, { description: 'Stable id of the request.' })
  id: string;

  /** Exposed through `from`. */
  fromId: string;

  /** Exposed through `to`. */
  toId: string;

  @Field(() => String, { nullable: true, description: 'The sender’s note to the recipient, when they wrote one.' })
  message: string | null;

  @Field(() => ConnectionRequestStatus, {
    description: 'PENDING until the recipient responds or the sender withdraws.',
  })
  status: ConnectionRequestStatus;

  @Field({ description: 'When the request was sent.' })
  createdAt: Date;
}
