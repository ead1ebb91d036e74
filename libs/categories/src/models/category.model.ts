import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A node of the industrial category taxonomy (e.g. Metals › Fasteners).' })
export class Category {
  @Field(() => ID, { description: 'Stable id, e.g. "metals-fasteners".' })
  id: string;

  @Field({ description: 'Display name.' })
  name: string;

  /** Id of the parent category; exposed through the `parent` field. */
  parentId: string | null;
}
