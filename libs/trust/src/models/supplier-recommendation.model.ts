import { Field, Float, ObjectType } from '@nestjs/graphql';
import { TrustEvidence } from './trust-evidence.model.js';

@ObjectType({ description: 'A supplier ranked by the evidence your own network holds about it.' })
export class SupplierRecommendation {
  /** Exposed through `supplier`. */
  supplierId: string;

  @Field(() => Float, { description: 'The sum of all evidence contributions; higher is better.' })
  score: number;

  /** The largest contributions, largest first (at most MAX_EVIDENCE_PER_SUPPLIER); exposed through `evidence(first)`. */
  evidence: TrustEvidence[];
}
