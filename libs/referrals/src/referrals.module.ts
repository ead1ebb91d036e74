import { Module } from '@nestjs/common';
import { CategoriesModule } from '#tradegraph/categories';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { PersonReferralsResolver } from './person-referrals.resolver.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsResolver } from './referrals.resolver.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  imports: [NotificationsModule, PeopleModule, OrganizationsModule, CategoriesModule],
  providers: [ReferralsRepository, ReferralsService, ReferralsResolver, PersonReferralsResolver],
  exports: [ReferralsService],
})
export class ReferralsModule {}
