import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { NetworkTradeSummaryArgs } from './dto/network-trade-summary.args.js';
import { NetworkTradeSummary } from './models/network-trade-summary.model.js';
import { TrustService } from './trust.service.js';

@Resolver(() => NetworkTradeSummary)
export class NetworkTradeSummaryResolver {
  constructor(
    private readonly trust: TrustService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => NetworkTradeSummary, {
    description:
      'How many people in your network (up to maxDegree steps) traded with a supplier, by degree: the same people as networkTradersWith, but also those who opted out of network searches. Counts below 3 are null, and so is any count or total that would let a count of 1 or 2 be worked out from the numbers shown for any maxDegree (see NetworkTradeSummary).',
  })
  networkTradeSummary(@CurrentUser() viewer: AuthUser, @Args() args: NetworkTradeSummaryArgs) {
    return this.trust.networkTradeSummary(viewer, args);
  }

  @ResolveField(() => Organization, { description: 'The supplier.' })
  supplier(@Parent() summary: NetworkTradeSummary, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(summary.supplierId);
  }
}
