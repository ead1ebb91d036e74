import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';

/** Injection token of the publish/subscribe engine behind live notifications. */
export const PUB_SUB = Symbol('PUB_SUB');

/** The topic every new notification is published on; subscribers filter by recipient. */
export const NOTIFICATION_ADDED = 'notificationAdded';

/**
 * In-process by default; through Redis when REDIS_URL is set, so that a notification stored by one
 * API instance reaches subscribers connected to another. Redis needs two connections: one is
 * blocked in subscriber mode.
 */
export const pubSubProvider: Provider = {
  provide: PUB_SUB,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): PubSubEngine =>
    config.redisUrl
      ? new RedisPubSub({
          publisher: new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }),
          subscriber: new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }),
        })
      : new PubSub(),
};

/** Closes the Redis connections when the application stops (nothing to do in-process). */
@Injectable()
export class PubSubShutdown implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close();
  }
}
