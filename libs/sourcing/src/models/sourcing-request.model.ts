import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalarType } from '#tradegraph/common';
import { SourcingRequestStatus } from './sourcing-request-status.enum.js';

@ObjectType({
  description: 'A question to one’s network: who can supply this category? Seen only by the network at posting time.',
})
export class SourcingRequest {
  @Field(() => ID, { description: 'Stable id of the request.' })
  id: string;

  /** Exposed through `requester`. */
  requesterId: string;

  /** Exposed through `category`. */
  categoryId: string;

  @Field({ description: 'What the requester is looking for.' })
  description: string;

  @Field(() => Int, { description: 'How far into the requester’s network the request went: 1 or 2 connection steps.' })
  maxDegree: number;

  @Field(() => DateScalarType, { nullable: true, description: 'When the requester needs a supplier by, if they said.' })
  neededBy: string | null;

  @Field(() => SourcingRequestStatus, { description: 'Whether the request still takes answers.' })
  status: SourcingRequestStatus;

  @Field(() => Date, { description: 'When the request was posted.' })
  createdAt: Date;
}
