import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { EvidenceArgs } from './dto/evidence.args.js';
import { SupplierRecommendation } from './models/supplier-recommendation.model.js';
import { TrustEvidence } from './models/trust-evidence.model.js';

@Resolver(() => SupplierRecommendation)
export class SupplierRecommendationResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => Organization, { description: 'The recommended supplier.' })
  supplier(@Parent() recommendation: SupplierRecommendation, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(recommendation.supplierId);
  }

  @ResolveField(() => [TrustEvidence], {
    description:
      'The largest contributions, largest first (ties: kind, then id): `first` of them, 10 by default, at most 100. ' +
      'The score counts all evidence, listed or not.',
  })
  evidence(@Parent() recommendation: SupplierRecommendation, @Args() args: EvidenceArgs): TrustEvidence[] {
    // Ranked and cut to the maximum in the service, with the score taken over all of it.
    return recommendation.evidence.slice(0, args.first);
  }
}
