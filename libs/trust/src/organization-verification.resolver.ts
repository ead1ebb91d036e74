import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { OrganizationVerification } from './models/organization-verification.model.js';
import { TrustRepository } from './trust.repository.js';

/** Adds `Organization.verification` (domain verification and vouching, as the viewer may see it), one query per request. */
@Resolver(() => Organization)
export class OrganizationVerificationResolver {
  constructor(private readonly trust: TrustRepository) {}

  @ResolveField(() => OrganizationVerification, {
    description:
      'Whether the organization is domain-verified, and how many people of verified organizations vouch for it.',
  })
  verification(
    @Parent() organization: Organization,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    // Keyed by viewer too: the vouching count leaves out people blocked with the viewer.
    return loaders
      .get<string, OrganizationVerification | null>(`organizationVerification:${viewer.id}`, async (ids) =>
        byKeys(ids, await this.trust.organizationVerification(viewer.id, ids), (row) => row.organizationId),
      )
      .load(organization.id);
  }
}
