import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser } from '#tradegraph/common';
import { NetworkTradersArgs } from './dto/network-traders.args.js';
import { SearchSuppliersArgs } from './dto/search-suppliers.args.js';
import { SupplierShortlistArgs } from './dto/supplier-shortlist.args.js';
import { NetworkTraderConnection } from './models/network-trader-connection.model.js';
import { OrganizationConnection } from './models/organization-connection.model.js';
import { SupplierRecommendationConnection } from './models/supplier-recommendation-connection.model.js';
import { TrustService } from './trust.service.js';

@Resolver()
export class TrustResolver {
  constructor(private readonly trust: TrustService) {}

  @Query(() => NetworkTraderConnection, {
    description:
      'Who in your network (up to maxDegree connection steps) traded with a supplier: people who are current members of the buyer in, or recorded, a confirmed trade with it that you can see. Ordered by degree, trade count (most first), latest trade (newest first), then person id.',
  })
  networkTradersWith(@CurrentUser() viewer: AuthUser, @Args() args: NetworkTradersArgs) {
    return this.trust.networkTradersWith(viewer, args);
  }

  @Query(() => SupplierRecommendationConnection, {
    description:
      'Suppliers of a category (and its subcategories) ranked by the endorsements, trades and referrals of your own network, each with the evidence behind its score: by score (highest first), then name, then id. See docs/trust-ranking.md for the formula.',
  })
  supplierShortlist(@CurrentUser() viewer: AuthUser, @Args() args: SupplierShortlistArgs) {
    return this.trust.supplierShortlist(viewer, args);
  }

  @Query(() => OrganizationConnection, {
    description:
      'Organizations with the SUPPLIER role, filtered by free text (name and description), category (with subcategories), country and domain verification; by relevance, then name.',
  })
  searchSuppliers(@Args() args: SearchSuppliersArgs) {
    return this.trust.searchSuppliers(args);
  }
}
