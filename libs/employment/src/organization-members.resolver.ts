import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, offsetAfter, PageArgs } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { EmploymentService } from './employment.service.js';
import { EmploymentConnection } from './models/employment-connection.model.js';

/** Adds the membership fields to Organization. */
@Resolver(() => Organization)
export class OrganizationMembersResolver {
  constructor(private readonly employment: EmploymentService) {}

  @ResolveField(() => EmploymentConnection, {
    description: 'Current members (approved, not ended employments), ordered by person name.',
  })
  members(@Parent() organization: Organization, @Args() page: PageArgs) {
    return this.employment.members(organization.id, page.first, offsetAfter(page.after));
  }

  @ResolveField(() => EmploymentConnection, {
    nullable: true,
    description:
      'Employment requests waiting for approval, ordered by person name. Null unless the viewer is an admin.',
  })
  pendingEmployments(@Parent() organization: Organization, @Args() page: PageArgs, @CurrentUser() viewer: AuthUser) {
    return this.employment.pendingRequests(viewer, organization.id, page.first, offsetAfter(page.after));
  }
}
