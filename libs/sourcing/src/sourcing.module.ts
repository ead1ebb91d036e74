import { Module } from '@nestjs/common';
import { CategoriesModule } from '#tradegraph/categories';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { TrustModule } from '#tradegraph/trust';
import { PersonSourcingResolver } from './person-sourcing.resolver.js';
import { SourcingAnswerResolver } from './sourcing-answer.resolver.js';
import { SourcingRepository } from './sourcing.repository.js';
import { SourcingResolver } from './sourcing.resolver.js';
import { SourcingService } from './sourcing.service.js';

/** Sourcing requests: ask my network who can supply a category, and hear back. */
@Module({
  imports: [NotificationsModule, PeopleModule, OrganizationsModule, CategoriesModule, TrustModule],
  providers: [SourcingRepository, SourcingService, SourcingResolver, SourcingAnswerResolver, PersonSourcingResolver],
  exports: [SourcingService],
})
export class SourcingModule {}
