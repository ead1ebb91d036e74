import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A person recommending a supplier, in one category, to one of their connections.' })
export class Referral {
  @Field(() => ID, { description: 'Stable id of the referral.' })
  id: string;

  /** Exposed through `from`. */
  fromId: string;

  /** Exposed through `to`. */
  toId: string;

  /** Exposed through `supplier`. */
  supplierId: string;

  /** Exposed through `category`. */
  categoryId: string;

  @Field(() => String, { nullable: true, description: 'The sender’s note, when they wrote one.' })
  message: string | null;

  @Field(() => Date, { description: 'When the referral was sent.' })
  createdAt: Date;
}
