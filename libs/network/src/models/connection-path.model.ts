import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A shortest chain of connections from the viewer to another person.' })
export class ConnectionPath {
  @Field(() => Int, { description: 'Number of connections along the path: 0 to oneself, 1 for a direct connection.' })
  degree: number;

  /** Exposed through `people`; null for a person the privacy rules hide. */
  personIds: (string | null)[];
}
