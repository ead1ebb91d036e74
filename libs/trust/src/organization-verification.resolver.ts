import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, Loaders, RequestLoaders } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { OrganizationVerification } from './models/organization-verification.model.js';
import { TrustRepository } from './trust.repository.js';

/** Adds `Organization.verification` (domain verification and vouching), one query per request. */
@Resolver(() => Organization)
export class OrganizationVerificationResolver {
  constructor(private readonly trust: TrustRepository) {}

  @ResolveField(() => OrganizationVerification, {
    description:
      'Whether the organization is domain-verified, and how many people of verified organizations vouch for it.',
  })
  verification(@Parent() organization: Organization, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, OrganizationVerification | null>('organizationVerification', async (ids) =>
        byKeys(ids, await this.trust.organizationVerification(ids), (row) => row.organizationId),
      )
      .load(organization.id);
  }
}
