import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { SupplierRecommendation } from './models/supplier-recommendation.model.js';

@Resolver(() => SupplierRecommendation)
export class SupplierRecommendationResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => Organization, { description: 'The recommended supplier.' })
  supplier(@Parent() recommendation: SupplierRecommendation, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(recommendation.supplierId);
  }
}
