import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, groupByKeys, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { EmploymentService } from './employment.service.js';
import { Employment } from './models/employment.model.js';

/** Adds the employment fields to Person. */
@Resolver(() => Person)
export class PersonEmploymentsResolver {
  constructor(private readonly employment: EmploymentService) {}

  @ResolveField(() => [Employment], {
    description: 'Employments of this person, newest first. Pending requests are shown only to the person themself.',
  })
  employments(@Parent() person: Person, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, Employment[]>('personEmployments', async (ids) =>
        groupByKeys(ids, await this.employment.forPeople(viewer, ids), (e) => e.personId),
      )
      .load(person.id);
  }
}
