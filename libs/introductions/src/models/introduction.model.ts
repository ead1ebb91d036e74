import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IntroductionStatus } from './introduction-status.enum.js';
import { IntroductionStep } from './introduction-step.model.js';

@ObjectType({
  description:
    'A request to be introduced to someone through a chain of connections, passed on hop by hop: each ' +
    'intermediary in turn, then the target, accepts or declines.',
})
export class Introduction {
  @Field(() => ID, { description: 'Stable id of the introduction.' })
  id: string;

  /** Exposed through `requester`. */
  requesterId: string;

  /** Exposed through `supplier`. */
  supplierId: string | null;

  @Field(() => String, { description: 'The requester’s message explaining why they want the introduction.' })
  message: string;

  @Field(() => IntroductionStatus, {
    description: 'PENDING until someone declines, the target accepts, or it is withdrawn.',
  })
  status: IntroductionStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Index into `path` of the person whose turn it is to decide; null once the introduction is decided.',
  })
  currentStep: number | null;

  /** Exposed through `steps`, each with the path rules applied for the viewer. */
  steps: IntroductionStep[];

  @Field(() => Date, { description: 'When the introduction was requested.' })
  createdAt: Date;
}
