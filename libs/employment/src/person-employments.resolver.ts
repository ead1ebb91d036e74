import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, offsetAfter, PageArgs, RequestLoaders } from '#tradegraph/common';
import type { AuthUser, Connection } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { EmploymentService } from './employment.service.js';
import { EmploymentConnection } from './models/employment-connection.model.js';
import { Employment } from './models/employment.model.js';

/** Adds the employment fields to Person. */
@Resolver(() => Person)
export class PersonEmploymentsResolver {
  constructor(private readonly employment: EmploymentService) {}

  @ResolveField(() => EmploymentConnection, {
    description: 'Employments of this person, newest first. Pending requests are shown only to the person themself.',
  })
  employments(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const offset = offsetAfter(page.after);
    // Persons asking for the same page share one batch.
    return loaders
      .get<string, Connection<Employment>>(`personEmployments:${page.first}:${offset}`, (ids) =>
        this.employment.employmentsOf(viewer, ids, page.first, offset),
      )
      .load(person.id);
  }
}
