import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { offsetAfter } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { OrganizationEndorsementsArgs } from './dto/organization-endorsements.args.js';
import { EndorsementsService } from './endorsements.service.js';
import { EndorsementConnection } from './models/endorsement-connection.model.js';

/** Adds the endorsements a supplier received to Organization. */
@Resolver(() => Organization)
export class OrganizationEndorsementsResolver {
  constructor(private readonly endorsementsService: EndorsementsService) {}

  @ResolveField(() => EndorsementConnection, {
    description: 'Endorsements of this organization as a supplier, most recently updated first.',
  })
  endorsements(@Parent() organization: Organization, @Args() args: OrganizationEndorsementsArgs) {
    return this.endorsementsService.forSupplier(
      organization.id,
      args.categoryId ?? null,
      args.first,
      offsetAfter(args.after),
    );
  }
}
