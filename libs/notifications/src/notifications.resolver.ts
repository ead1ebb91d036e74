import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser, GraphQLContext, Loaders, Public, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { NotificationsArgs } from './dto/notifications.args.js';
import { Notification, NotificationConnection } from './models/notification.model.js';
import { NotificationAddedPayload, NotificationsService } from './notifications.service.js';

/** Through Redis the payload arrives as JSON: turn its timestamps back into Dates. */
const revive = (notification: Notification): Notification => ({
  ...notification,
  createdAt: new Date(notification.createdAt),
  readAt: notification.readAt === null ? null : new Date(notification.readAt),
});

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly people: PeopleService,
  ) {}

  @Query(() => NotificationConnection, { description: 'The caller’s notifications, newest first.' })
  notifications(@CurrentUser() user: AuthUser, @Args() args: NotificationsArgs) {
    return this.service.list(user, args.unreadOnly, args.first, args.after);
  }

  @Query(() => Int, { description: 'How many of the caller’s notifications are unread.' })
  unreadNotificationCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.service.unreadCount(user);
  }

  @Mutation(() => Int, {
    description:
      'Marks the caller’s notifications read (all of them when `ids` is omitted); returns how many changed. Errors: none beyond those of every operation.',
  })
  markNotificationsRead(
    @CurrentUser() user: AuthUser,
    @Args('ids', {
      type: () => [ID],
      nullable: true,
      description: 'The notifications to mark; ids of other people’s notifications are ignored.',
    })
    ids?: string[] | null,
  ): Promise<number> {
    return this.service.markRead(user, ids);
  }

  // The connection was authenticated in graphql-ws onConnect (the HTTP guard has no request here).
  @Public()
  @Subscription(() => Notification, {
    description: 'Each new notification of the caller, live (graphql-ws on /graphql; token in connection_init).',
    // Called with the resolver as `this`; a notification from an actor blocked either way is not delivered.
    filter(
      this: NotificationsResolver,
      payload: NotificationAddedPayload,
      _variables: unknown,
      context: GraphQLContext,
    ) {
      return this.service.isDeliverableTo(payload.notificationAdded, context.req.user?.id);
    },
    resolve: (payload: NotificationAddedPayload) => revive(payload.notificationAdded),
  })
  notificationAdded(@CurrentUser() _user: AuthUser) {
    return this.service.added();
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who caused it; null when nobody did or they left.',
  })
  actor(@Parent() notification: Notification, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return notification.actorId ? personLoader(loaders, this.people, viewer).load(notification.actorId) : null;
  }
}
