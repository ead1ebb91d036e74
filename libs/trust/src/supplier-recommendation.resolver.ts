import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection } from '#tradegraph/common';
import { Loaders, offsetAfter, PageArgs, RequestLoaders, toConnection } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { SupplierRecommendation } from './models/supplier-recommendation.model.js';
import { TrustEvidenceConnection } from './models/trust-evidence-connection.model.js';
import { TrustEvidence } from './models/trust-evidence.model.js';

@Resolver(() => SupplierRecommendation)
export class SupplierRecommendationResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => Organization, { description: 'The recommended supplier.' })
  supplier(@Parent() recommendation: SupplierRecommendation, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(recommendation.supplierId);
  }

  @ResolveField(() => TrustEvidenceConnection, {
    description:
      'The evidence behind the score, largest contribution first (ties: kind, then id). ' +
      'The score counts all of it, whichever page is listed.',
  })
  evidence(@Parent() recommendation: SupplierRecommendation, @Args() page: PageArgs): Connection<TrustEvidence> {
    // Ranked in the service, with the score taken over all of it.
    const offset = offsetAfter(page.after);
    const items = recommendation.evidence.slice(offset, offset + page.first);
    return toConnection(items, offset, recommendation.evidence.length);
  }
}
