import { Module } from '@nestjs/common';
import { PeopleModule } from '#tradegraph/people';
import { NotificationRetentionService } from './notification-retention.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { PUB_SUB, pubSubProvider, PubSubShutdown } from './pub-sub.provider.js';

/**
 * Stored notifications and their live delivery (`notificationAdded`), in-process or through Redis. The
 * pub-sub engine is shared with other libs' live events (accounts: sessions that ended). Stored
 * notifications are pruned periodically (NotificationRetentionService).
 */
@Module({
  imports: [PeopleModule],
  providers: [
    pubSubProvider,
    PubSubShutdown,
    NotificationsRepository,
    NotificationsService,
    NotificationsResolver,
    NotificationRetentionService,
  ],
  exports: [NotificationsService, NotificationRetentionService, PUB_SUB],
})
export class NotificationsModule {}
