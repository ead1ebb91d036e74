import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { SupplierScorecard } from './models/supplier-scorecard.model.js';
import { scorecardLoader } from './trades.loader.js';
import { TradesService } from './trades.service.js';

/** Adds the supplier scorecard to Organization. */
@Resolver(() => Organization)
export class OrganizationScorecardResolver {
  constructor(private readonly trades: TradesService) {}

  @ResolveField(() => SupplierScorecard, {
    description:
      'How the organization has done as a supplier, over its CONFIRMED trades the viewer can see, their feedback, and its endorsements.',
  })
  scorecard(@Parent() organization: Organization, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return scorecardLoader(loaders, this.trades, viewer).load(organization.id);
  }
}
