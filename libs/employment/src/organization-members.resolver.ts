import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, PageArgs, RequestLoaders } from '#tradegraph/common';
import type { AuthUser, Connection } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { EmploymentService } from './employment.service.js';
import { EmploymentConnection } from './models/employment-connection.model.js';
import { Employment } from './models/employment.model.js';

/** Adds the membership fields to Organization. */
@Resolver(() => Organization)
export class OrganizationMembersResolver {
  constructor(private readonly employment: EmploymentService) {}

  @ResolveField(() => EmploymentConnection, {
    description:
      'Current members (approved, not ended employments), ordered by person name; people hidden from you by a block are left out.',
  })
  members(
    @Parent() organization: Organization,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    // Organizations asking for the same page share one batch.
    return loaders
      .get<string, Connection<Employment>>(`members:${page.first}:${page.after ?? ''}`, (ids) =>
        this.employment.members(viewer, ids, page.first, page.after, loaders),
      )
      .load(organization.id);
  }

  @ResolveField(() => EmploymentConnection, {
    nullable: true,
    description:
      'Employment requests waiting for approval, ordered by person name; people hidden from you by a block are left out. Null unless the viewer is an admin.',
  })
  pendingEmployments(
    @Parent() organization: Organization,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    return loaders
      .get<string, Connection<Employment> | null>(`pendingEmployments:${page.first}:${page.after ?? ''}`, (ids) =>
        this.employment.pendingRequests(viewer, ids, page.first, page.after, loaders),
      )
      .load(organization.id);
  }
}
