import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { SourcingAnswer } from './models/sourcing-answer.model.js';

@Resolver(() => SourcingAnswer)
export class SourcingAnswerResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => Person, { description: 'Who answered.' })
  answerer(@Parent() answer: SourcingAnswer, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people).load(answer.answererId);
  }

  @ResolveField(() => Organization, { description: 'The suggested supplier.' })
  supplier(@Parent() answer: SourcingAnswer, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(answer.supplierId);
  }
}
