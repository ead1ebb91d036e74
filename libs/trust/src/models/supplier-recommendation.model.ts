import { Field, Float, ObjectType } from '@nestjs/graphql';
import { TrustEvidence } from './trust-evidence.model.js';

@ObjectType({ description: 'A supplier ranked by the evidence your own network holds about it.' })
export class SupplierRecommendation {
  /** Exposed through `supplier`. */
  supplierId: string;

  @Field(() => Float, { description: 'The sum of all evidence contributions; higher is better.' })
  score: number;

  @Field(() => [TrustEvidence], { description: 'The (at most 10) largest contributions, largest first.' })
  evidence: TrustEvidence[];
}
