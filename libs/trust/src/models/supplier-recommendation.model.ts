import { Field, Float, ObjectType } from '@nestjs/graphql';
import { TrustEvidence } from './trust-evidence.model.js';

@ObjectType({ description: 'A supplier ranked by the evidence your own network holds about it.' })
export class SupplierRecommendation {
  /** Exposed through `supplier`. */
  supplierId: string;

  @Field(() => Float, { description: 'The sum of all evidence contributions; higher is better.' })
  score: number;

  /** All its evidence, largest contribution first; exposed a page at a time through `evidence`. */
  evidence: TrustEvidence[];
}
