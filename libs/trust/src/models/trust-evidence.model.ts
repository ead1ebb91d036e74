import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceKind } from './evidence-kind.enum.js';

@ObjectType({ description: 'One piece of network evidence behind a supplier recommendation, with what it added.' })
export class TrustEvidence {
  /** Id of the endorsement, trade or referral; exposed through the field of its kind. */
  id: string;
  /** Exposed through `person`. */
  personId: string;
  /** The person opted out of network searches, so `person` is null. */
  hidden: boolean;
  /** The people the nested endorsement or trade would name; when any, that object is withheld (null). */
  hiddenPersonIds: string[];

  @Field(() => EvidenceKind, { description: 'Endorsement, trade or referral.' })
  kind: EvidenceKind;

  @Field(() => Int, { description: 'Your connection distance to the person behind the evidence.' })
  degree: number;

  @Field(() => Float, { description: 'What this evidence added to the supplier’s score (see the ranking formula).' })
  contribution: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'For TRADE evidence: whether the supplier is domain-verified (see `Organization.verification`); a trade between two unverified organizations counts half. Null for other kinds.',
  })
  supplierVerified: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'For TRADE evidence: whether the buyer is domain-verified. Null for other kinds.',
  })
  buyerVerified: boolean | null;
}
