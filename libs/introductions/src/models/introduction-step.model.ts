import { Field, ObjectType } from '@nestjs/graphql';
import { IntroductionDecision } from './introduction-decision.enum.js';

@ObjectType({ description: 'One person along an introduction’s path and what they decided.' })
export class IntroductionStep {
  /** Exposed through `person`. */
  personId: string;

  /** Set for the viewer by the introduction's `steps` field when the path rules hide this step's person. */
  hidden?: boolean;

  @Field(() => IntroductionDecision, { nullable: true, description: 'Their decision; null while undecided.' })
  decision: IntroductionDecision | null;

  @Field(() => String, { nullable: true, description: 'The note they added to their decision, if any.' })
  note: string | null;

  @Field(() => Date, { nullable: true, description: 'When they decided; null while undecided.' })
  decidedAt: Date | null;
}
