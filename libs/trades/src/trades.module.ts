import { Module } from '@nestjs/common';
import { CategoriesModule } from '#tradegraph/categories';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { FeedbackRepository } from './feedback.repository.js';
import { FeedbackResolver } from './feedback.resolver.js';
import { FeedbackService } from './feedback.service.js';
import { OrganizationScorecardResolver } from './organization-scorecard.resolver.js';
import { ScorecardRepository } from './scorecard.repository.js';
import { TradeImportService } from './trade-import.service.js';
import { TradesRepository } from './trades.repository.js';
import { TradesResolver } from './trades.resolver.js';
import { TradesService } from './trades.service.js';

@Module({
  imports: [NotificationsModule, PeopleModule, OrganizationsModule, CategoriesModule],
  providers: [
    TradesRepository,
    FeedbackRepository,
    ScorecardRepository,
    TradesService,
    TradeImportService,
    FeedbackService,
    TradesResolver,
    FeedbackResolver,
    OrganizationScorecardResolver,
  ],
  exports: [TradesService, TradeImportService, FeedbackService],
})
export class TradesModule {}
