import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Counts below this are reported as null, so that no individual can be inferred from a summary. */
export const MIN_REPORTED_COUNT = 3;

@ObjectType({ description: 'How many people at one connection degree traded with the supplier.' })
export class DegreeCount {
  @Field(() => Int, { description: 'Connection degree, 1 = your direct connections.' })
  degree: number;

  @Field(() => Int, { nullable: true, description: 'How many people; null when fewer than 3.' })
  people: number | null;
}

@ObjectType({
  description:
    'How many people in your network traded with a supplier, by degree. Counts everyone, including people who opted out of network searches; every count below 3 is null ("fewer than 3").',
})
export class NetworkTradeSummary {
  /** Exposed through `supplier`. */
  supplierId: string;

  @Field(() => Int, { description: 'How far into your network the summary looked.' })
  maxDegree: number;

  @Field(() => [DegreeCount], { description: 'One count per degree, 1 to maxDegree.' })
  byDegree: DegreeCount[];

  @Field(() => Int, { nullable: true, description: 'People at all degrees together; null when fewer than 3.' })
  total: number | null;
}
