import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page, null when it is empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page, null when it is empty.' })
  endCursor: string | null;
}
