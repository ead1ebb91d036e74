import { Module } from '@nestjs/common';
import { CategoriesModule } from '#tradegraph/categories';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { EndorsementsRepository } from './endorsements.repository.js';
import { EndorsementsResolver } from './endorsements.resolver.js';
import { EndorsementsService } from './endorsements.service.js';
import { OrganizationEndorsementsResolver } from './organization-endorsements.resolver.js';

@Module({
  imports: [NotificationsModule, PeopleModule, OrganizationsModule, CategoriesModule],
  providers: [EndorsementsRepository, EndorsementsService, EndorsementsResolver, OrganizationEndorsementsResolver],
  exports: [EndorsementsService],
})
export class EndorsementsModule {}
