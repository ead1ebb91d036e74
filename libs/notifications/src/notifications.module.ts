import { Module } from '@nestjs/common';
import { PeopleModule } from '#tradegraph/people';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { pubSubProvider, PubSubShutdown } from './pub-sub.provider.js';

/** Stored notifications and their live delivery (`notificationAdded`), in-process or through Redis. */
@Module({
  imports: [PeopleModule],
  providers: [pubSubProvider, PubSubShutdown, NotificationsRepository, NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
