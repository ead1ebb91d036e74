import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'A supplier suggested by someone in the requester’s network, in answer to a sourcing request.',
})
export class SourcingAnswer {
  @Field(() => ID, { description: 'Stable id of the answer.' })
  id: string;

  /** The request answered. */
  requestId: string;

  /** Exposed through `answerer`. */
  answererId: string;

  /** Exposed through `supplier`. */
  supplierId: string;

  @Field(() => String, { nullable: true, description: 'The answerer’s note, when they wrote one.' })
  comment: string | null;

  @Field(() => Date, { description: 'When the answer was given.' })
  createdAt: Date;
}
