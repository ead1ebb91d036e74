import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, DateScalarType, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { RequestEmploymentInput } from './dto/request-employment.input.js';
import { EmploymentService } from './employment.service.js';
import { Employment } from './models/employment.model.js';

@Resolver(() => Employment)
export class EmploymentResolver {
  constructor(
    private readonly employment: EmploymentService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Mutation(() => Employment, {
    description:
      'Asks an organization’s admins to confirm that the caller works there. Errors: BAD_USER_INPUT (invalid input or startedOn in the future, with `field`), NOT_FOUND (no such organization), CONFLICT (already a pending or approved employment there).',
  })
  requestEmployment(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The organization and title.' }) input: RequestEmploymentInput,
  ): Promise<Employment> {
    return this.employment.request(user, input);
  }

  @Mutation(() => Employment, {
    description:
      'Approves a PENDING employment. Admins of its organization only. Errors: NOT_FOUND (no such employment), FORBIDDEN (not an admin of its organization), CONFLICT (not PENDING).',
  })
  approveEmployment(
    @CurrentUser() user: AuthUser,
    @Args('employmentId', { type: () => ID, description: 'The employment to approve.' }) employmentId: string,
  ): Promise<Employment> {
    return this.employment.approve(user, employmentId);
  }

  @Mutation(() => Employment, {
    description:
      'Ends an employment (or withdraws a pending request). The person themself or an admin of the organization. Errors: BAD_USER_INPUT (endedOn in the future or before startedOn, with `field`), NOT_FOUND (no such employment), FORBIDDEN (neither the person nor an admin), CONFLICT (already ended, or it would remove the last admin).',
  })
  endEmployment(
    @CurrentUser() user: AuthUser,
    @Args('employmentId', { type: () => ID, description: 'The employment to end.' }) employmentId: string,
    @Args('endedOn', { type: () => DateScalarType, nullable: true, description: 'Last day; today when omitted.' })
    endedOn?: string | null,
  ): Promise<Employment> {
    return this.employment.end(user, employmentId, endedOn);
  }

  @Mutation(() => Employment, {
    description:
      'Appoints or removes an admin of the organization among its current members. Admins of the organization only. Errors: NOT_FOUND (no such employment), FORBIDDEN (not an admin), CONFLICT (the employment is not APPROVED, or it would remove the last admin).',
  })
  setEmploymentAdmin(
    @CurrentUser() user: AuthUser,
    @Args('employmentId', { type: () => ID, description: 'The current (APPROVED) employment.' }) employmentId: string,
    @Args('isAdmin', { description: 'True to make them admin, false to remove admin rights.' }) isAdmin: boolean,
  ): Promise<Employment> {
    return this.employment.setAdmin(user, employmentId, isAdmin);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The employed person. Null when the privacy rules hide them from you.',
  })
  person(@Parent() employment: Employment, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(employment.personId);
  }

  @ResolveField(() => Organization, { description: 'The employer.' })
  organization(@Parent() employment: Employment, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(employment.organizationId);
  }
}
