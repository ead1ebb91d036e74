import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The buyer’s scores for a confirmed trade; one per trade, replaced when left again.' })
export class Feedback {
  @Field(() => ID, { description: 'Stable id of the feedback; it stays when the feedback is replaced.' })
  id: string;

  /** Exposed through `trade`. */
  tradeId: string;

  /** Exposed through `author`. */
  authorId: string;

  @Field(() => Int, { description: 'Quality of the goods or services, 1 (poor) to 5 (excellent).' })
  quality: number;

  @Field(() => Int, { description: 'Delivery on time and as agreed, 1 (poor) to 5 (excellent).' })
  delivery: number;

  @Field(() => Int, { description: 'Communication with the supplier, 1 (poor) to 5 (excellent).' })
  communication: number;

  @Field(() => Float, { description: 'The mean of quality, delivery and communication.' })
  average: number;

  @Field(() => String, { nullable: true, description: 'Free-text remarks, at most 2,000 characters.' })
  comment: string | null;

  @Field(() => Date, { description: 'When feedback was first left for the trade; replacing it keeps this.' })
  createdAt: Date;

  /** When the scores were last written; internal. */
  updatedAt: Date;
}
