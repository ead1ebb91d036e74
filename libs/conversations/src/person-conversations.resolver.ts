import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, offsetAfter } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { ConversationsService } from './conversations.service.js';
import { ConversationsArgs } from './dto/conversation-args.js';
import { ConversationConnection } from './models/conversation.model.js';

/** Adds a person's conversations to Person; private to the person themself (`me.conversations`). */
@Resolver(() => Person)
export class PersonConversationsResolver {
  constructor(private readonly service: ConversationsService) {}

  @ResolveField(() => ConversationConnection, {
    nullable: true,
    description:
      'The conversations this person takes part in and has not left, newest activity first. Null unless this person is the viewer.',
  })
  conversations(@Parent() person: Person, @Args() args: ConversationsArgs, @CurrentUser() viewer: AuthUser) {
    if (!this.service.mayListConversationsOf(viewer, person.id)) return null;
    return this.service.list(viewer, args.unreadOnly, args.first, offsetAfter(args.after));
  }
}
