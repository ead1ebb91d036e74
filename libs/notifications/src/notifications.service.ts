import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuthUser, Connection, decodeTimeCursor, toKeysetConnection } from '#tradegraph/common';
import { PolicyService } from '#tradegraph/policy';
import { PubSubEngine } from 'graphql-subscriptions';
import { NotificationKind } from './models/notification-kind.enum.js';
import { Notification } from './models/notification.model.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NOTIFICATION_ADDED, PUB_SUB } from './pub-sub.provider.js';

/** Kind tag of notification cursors. */
const NOTIFICATIONS_CURSOR = 'notifications';

/** How many notifications one write statement stores. */
const CREATE_BATCH = 100;

/** What subscribers receive on the NOTIFICATION_ADDED topic. */
export interface NotificationAddedPayload {
  notificationAdded: Notification;
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly policy: PolicyService,
  ) {}

  /**
   * Stores one notification per recipient (never for the actor themself), at most CREATE_BATCH per
   * statement, and publishes each live. `summary` continues the actor's name ("wants to connect with
   * you" becomes "Ada Lovelace wants to connect with you"). Nothing is stored for a recipient blocked
   * either way with the actor. With `once`, nothing is stored for a recipient who still has an unread
   * notification of this kind about this subject (one per conversation until read). Called after the triggering write succeeded: a failure here is logged and never
   * undoes that write.
   */
  async notify(
    recipients: readonly string[],
    kind: NotificationKind,
    actorId: string | null,
    subjectId: string,
    summary: string,
    options: { once?: boolean } = {},
  ): Promise<void> {
    const once = options.once ?? false;
    const ids = [...new Set(recipients)].filter((id) => id !== actorId);
    if (ids.length === 0) return;
    try {
      const actorName = actorId ? (await this.notifications.names([actorId])).get(actorId) : undefined;
      const line = `${actorName ?? 'Someone'} ${summary}`;
      for (let start = 0; start < ids.length; start += CREATE_BATCH) {
        const created = await this.notifications.createMany(
          ids
            .slice(start, start + CREATE_BATCH)
            .map((recipientId) => ({ id: randomUUID(), recipientId, kind, actorId, subjectId, summary: line, once })),
        );
        await Promise.all(
          created.map((notification) =>
            this.pubSub.publish(NOTIFICATION_ADDED, {
              notificationAdded: notification,
            } satisfies NotificationAddedPayload),
          ),
        );
      }
    } catch (error) {
      this.logger.error(`Could not notify ${kind} about ${subjectId}: ${String(error)}`);
    }
  }

  /** Notifies the current members of an organization (news about the organization). */
  async notifyMembers(
    organizationId: string,
    kind: NotificationKind,
    actorId: string,
    subjectId: string,
    summary: string,
  ): Promise<void> {
    await this.notify(await this.notifications.currentMembers(organizationId), kind, actorId, subjectId, summary);
  }

  /** A page of the caller's notifications after the cursor `after`; the total is counted only when asked for. */
  async list(
    user: AuthUser,
    unreadOnly: boolean,
    first: number,
    after: string | null | undefined,
  ): Promise<Connection<Notification>> {
    const key = decodeTimeCursor(after, NOTIFICATIONS_CURSOR);
    const rows = await this.notifications.page(user.id, unreadOnly, key, first);
    return toKeysetConnection(NOTIFICATIONS_CURSOR, rows, first, key !== null, () =>
      this.notifications.count(user.id, unreadOnly),
    );
  }

  /** Marks the caller's notifications read: those in `ids` (others' ids are ignored), or all. */
  markRead(user: AuthUser, ids: string[] | null | undefined): Promise<number> {
    return this.notifications.markRead(user.id, ids ?? null);
  }

  /** Marks the person's notifications about one subject (a conversation they read) read. */
  async markSubjectRead(personId: string, subjectId: string): Promise<void> {
    await this.notifications.markSubjectRead(personId, subjectId);
  }

  unreadCount(user: AuthUser): Promise<number> {
    return this.notifications.unreadCount(user.id);
  }

  /**
   * Whether a published notification goes to this subscriber: it is theirs, and its actor is not
   * blocked either way with them (checked again at delivery, for a block made after it was stored).
   */
  async isDeliverableTo(notification: Notification, subscriberId: string | undefined): Promise<boolean> {
    if (!subscriberId || notification.recipientId !== subscriberId) return false;
    return !notification.actorId || !(await this.policy.blockedBetween(subscriberId, notification.actorId));
  }

  /** The live stream of new notifications (every recipient's: the resolver filters). */
  added(): AsyncIterableIterator<NotificationAddedPayload> {
    return this.pubSub.asyncIterableIterator<NotificationAddedPayload>(NOTIFICATION_ADDED);
  }
}
