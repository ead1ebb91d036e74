import { Module } from '@nestjs/common';
import { PeopleModule } from '#tradegraph/people';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { PUB_SUB, pubSubProvider, PubSubShutdown } from './pub-sub.provider.js';

/**
 * Stored notifications and their live delivery (`notificationAdded`), in-process or through Redis. The
 * pub-sub engine is shared with other libs' live events (accounts: sessions that ended).
 */
@Module({
  imports: [PeopleModule],
  providers: [pubSubProvider, PubSubShutdown, NotificationsRepository, NotificationsService, NotificationsResolver],
  exports: [NotificationsService, PUB_SUB],
})
export class NotificationsModule {}
