import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Person } from '#tradegraph/people';

@ObjectType({ description: 'A shortest chain of connections from the viewer to another person.' })
export class ConnectionPath {
  @Field(() => Int, { description: 'Number of connections along the path: 0 to oneself, 1 for a direct connection.' })
  degree: number;

  @Field(() => [Person], {
    description: 'The people along the path: the viewer first, the target last, each connected to the next.',
  })
  people: Person[];
}
