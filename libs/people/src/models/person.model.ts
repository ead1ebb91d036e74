import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A professional on TradeGraph. Every account is exactly one Person, with the same id.' })
export class Person {
  @Field(() => ID, { description: 'Stable id of the person (also the id of their account).' })
  id: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Short professional headline, e.g. "Category buyer, metals".' })
  headline: string | null;

  @Field(() => String, { nullable: true, description: 'Country of residence as an ISO 3166-1 alpha-2 code.' })
  country: string | null;
}
