import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { SourcingAnswer } from './models/sourcing-answer.model.js';

@Resolver(() => SourcingAnswer)
export class SourcingAnswerResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who answered. Null when the privacy rules hide them from you.',
  })
  answerer(@Parent() answer: SourcingAnswer, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(answer.answererId);
  }

  @ResolveField(() => Organization, { description: 'The suggested supplier.' })
  supplier(@Parent() answer: SourcingAnswer, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(answer.supplierId);
  }
}
