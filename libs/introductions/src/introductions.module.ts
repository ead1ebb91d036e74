import { Module } from '@nestjs/common';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { IntroductionStepResolver } from './introduction-step.resolver.js';
import { IntroductionsRepository } from './introductions.repository.js';
import { IntroductionsResolver } from './introductions.resolver.js';
import { IntroductionsService } from './introductions.service.js';
import { PersonIntroductionsResolver } from './person-introductions.resolver.js';

@Module({
  imports: [NotificationsModule, PeopleModule, OrganizationsModule],
  providers: [
    IntroductionsRepository,
    IntroductionsService,
    IntroductionsResolver,
    IntroductionStepResolver,
    PersonIntroductionsResolver,
  ],
  exports: [IntroductionsService],
})
export class IntroductionsModule {}
