import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { IntroductionStep } from './models/introduction-step.model.js';

@Resolver(() => IntroductionStep)
export class IntroductionStepResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person, { description: 'The person deciding at this step.' })
  person(@Parent() step: IntroductionStep, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people).load(step.personId);
  }
}
