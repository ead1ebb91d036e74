import { Module } from '@nestjs/common';
import { CategoriesModule } from '#tradegraph/categories';
import { EndorsementsModule } from '#tradegraph/endorsements';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { ReferralsModule } from '#tradegraph/referrals';
import { TradesModule } from '#tradegraph/trades';
import { OrganizationVerificationResolver } from './organization-verification.resolver.js';
import { NetworkTradeSummaryResolver } from './network-trade-summary.resolver.js';
import { NetworkTraderResolver } from './network-trader.resolver.js';
import { SupplierRecommendationResolver } from './supplier-recommendation.resolver.js';
import { TrustEvidenceResolver } from './trust-evidence.resolver.js';
import { TrustRepository } from './trust.repository.js';
import { TrustResolver } from './trust.resolver.js';
import { TrustService } from './trust.service.js';

/**
 * The network-ranked questions: networkTradersWith, networkTradeSummary, supplierShortlist, searchSuppliers;
 * and `Organization.verification` (domain verification, vouching).
 */
@Module({
  imports: [PeopleModule, OrganizationsModule, CategoriesModule, TradesModule, EndorsementsModule, ReferralsModule],
  providers: [
    TrustRepository,
    TrustService,
    TrustResolver,
    NetworkTraderResolver,
    NetworkTradeSummaryResolver,
    SupplierRecommendationResolver,
    TrustEvidenceResolver,
    OrganizationVerificationResolver,
  ],
  exports: [TrustService],
})
export class TrustModule {}
