import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Category } from '#tradegraph/categories';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { Organization } from './models/organization.model.js';
import { organizationLoader, suppliedCategoriesLoader } from './organizations.loader.js';
import { MAX_SUPPLIED_CATEGORIES, OrganizationsService } from './organizations.service.js';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Query(() => Organization, { nullable: true, description: 'An organization by id, or null when there is none.' })
  organization(
    @Args('id', { type: () => ID, description: 'Id of the organization.' }) id: string,
    @Loaders() loaders: RequestLoaders,
  ) {
    return organizationLoader(loaders, this.organizations).load(id);
  }

  @Mutation(() => Organization, {
    description:
      'Creates an organization; the caller becomes its first admin. Errors: BAD_USER_INPUT (invalid input, with `field`), NOT_FOUND (your profile no longer exists).',
  })
  createOrganization(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The new organization.' }) input: CreateOrganizationInput,
  ): Promise<Organization> {
    return this.organizations.create(user, input);
  }

  @Mutation(() => Organization, {
    description:
      'Changes an organization. Admins only. Errors: BAD_USER_INPUT (invalid input, with `field`), NOT_FOUND (no such organization), FORBIDDEN (not an admin).',
  })
  updateOrganization(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID, description: 'Id of the organization.' }) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateOrganizationInput,
  ): Promise<Organization> {
    return this.organizations.update(user, id, input);
  }

  @Mutation(() => Organization, {
    description:
      'Replaces the categories a SUPPLIER organization supplies. Admins only. Errors: BAD_USER_INPUT (too many or unknown categories, or not a SUPPLIER, with `field`), NOT_FOUND (no such organization), FORBIDDEN (not an admin).',
  })
  setSuppliedCategories(
    @CurrentUser() user: AuthUser,
    @Args('organizationId', { type: () => ID, description: 'Id of the organization.' }) organizationId: string,
    @Args('categoryIds', {
      type: () => [ID],
      description: 'Ids of every category it supplies; an empty list clears them.',
    })
    categoryIds: string[],
  ): Promise<Organization> {
    return this.organizations.setSuppliedCategories(user, organizationId, categoryIds);
  }

  @ResolveField(() => [Category], {
    description:
      'The categories this organization supplies, by name. Not paginated: setSuppliedCategories takes at most ' +
      `${MAX_SUPPLIED_CATEGORIES} categories of the fixed taxonomy.`,
  })
  suppliedCategories(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders) {
    return suppliedCategoriesLoader(loaders, this.organizations).load(organization.id);
  }
}
