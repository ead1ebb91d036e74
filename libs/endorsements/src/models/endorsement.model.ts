import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'A person’s rating of a supplier in one category. One per person, supplier and category.',
})
export class Endorsement {
  @Field(() => ID, { description: 'Stable id of the endorsement; it survives updates.' })
  id: string;

  /** Exposed through `endorser`. */
  endorserId: string;

  /** Exposed through `supplier`. */
  supplierId: string;

  /** Exposed through `category`. */
  categoryId: string;

  @Field(() => Int, { description: 'Rating from 1 (poor) to 5 (excellent).' })
  rating: number;

  @Field(() => String, { nullable: true, description: 'The endorser’s comment, when they wrote one.' })
  comment: string | null;

  @Field(() => Date, { description: 'When the endorsement was first given.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the endorsement was last given or changed.' })
  updatedAt: Date;
}
