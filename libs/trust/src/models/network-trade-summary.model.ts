import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How many people at one connection degree traded with the supplier.' })
export class DegreeCount {
  @Field(() => Int, { description: 'Connection degree, 1 = your direct connections.' })
  degree: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many people; null when fewer than 3, or when showing it would let a count of 1 or 2 be worked out.',
  })
  people: number | null;
}

@ObjectType({
  description:
    'How many people in your network traded with a supplier, by degree. Counts everyone, including people who opted out of network searches, but not people blocked either way. Small counts are protected: a count below 3 is null ("fewer than 3"), and so is any further count or total from which, by adding or subtracting numbers shown here or in the summaries for another maxDegree, someone could work out a count of 1 or 2.',
})
export class NetworkTradeSummary {
  /** Exposed through `supplier`. */
  supplierId: string;

  @Field(() => Int, { description: 'How far into your network the summary looked.' })
  maxDegree: number;

  @Field(() => [DegreeCount], { description: 'One count per degree, 1 to maxDegree (at most 3), so not paginated.' })
  byDegree: DegreeCount[];

  @Field(() => Int, {
    nullable: true,
    description: 'People at all degrees up to maxDegree together; null under the same rule as the per-degree counts.',
  })
  total: number | null;
}
