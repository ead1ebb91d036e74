import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { IntroductionStep } from './models/introduction-step.model.js';

@Resolver(() => IntroductionStep)
export class IntroductionStepResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The person deciding at this step. Null when the privacy rules hide them from you.',
  })
  person(@Parent() step: IntroductionStep, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return step.hidden ? null : personLoader(loaders, this.people, viewer).load(step.personId);
  }
}
