import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';

@ObjectType({ description: 'An active sign-in session of your account (one refresh-token chain).' })
export class Session {
  @Field(() => ID, { description: 'The session’s id, for endSession.' })
  id: string;

  @Field({ description: 'When the session began (sign-in, registration or password reset).' })
  createdAt: Date;

  @Field({ description: 'When the session last obtained tokens (its sign-in or latest refreshToken).' })
  lastUsedAt: Date;

  @Field(() => String, { nullable: true, description: 'The User-Agent of that request, when it sent one.' })
  userAgent: string | null;

  @Field(() => String, { nullable: true, description: 'The client address of that request.' })
  address: string | null;

  @Field({ description: 'True for the session of the access token this request was sent with.' })
  current: boolean;
}

@ObjectType({ description: 'A page of sessions.' })
export class SessionConnection extends ConnectionType(Session, 'Session') {}
