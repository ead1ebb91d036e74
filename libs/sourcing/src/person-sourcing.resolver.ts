import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, PageArgs } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { SourcingRequestConnection } from './models/sourcing-request-connection.model.js';
import { SourcingService } from './sourcing.service.js';

/** Adds the sourcing requests a person can answer to Person; private to the person themself. */
@Resolver(() => Person)
export class PersonSourcingResolver {
  constructor(private readonly sourcing: SourcingService) {}

  @ResolveField(() => SourcingRequestConnection, {
    nullable: true,
    description:
      'The OPEN sourcing requests from this person’s network that they can answer, newest first. ' +
      'Null unless this person is the viewer.',
  })
  sourcingRequestsForMe(@Parent() person: Person, @Args() page: PageArgs, @CurrentUser() viewer: AuthUser) {
    if (!this.sourcing.mayListRequestsFor(viewer, person.id)) return null;
    return this.sourcing.requestsFor(viewer, person.id, page.first, page.after);
  }
}
