import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_EVIDENCE_PER_SUPPLIER } from '../scoring.js';

/** How much of a recommendation's evidence to list; the score always counts all of it. */
@ArgsType()
export class EvidenceArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 10,
    description: `How many of the largest contributions to return, 1 to ${MAX_EVIDENCE_PER_SUPPLIER}. The score counts all evidence.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_EVIDENCE_PER_SUPPLIER)
  first: number = 10;
}
