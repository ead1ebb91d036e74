import { Args, ID, Mutation, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser, GraphQLContext, Loaders, Public, RequestLoaders, unauthenticated } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { ConversationsService, MessageAddedPayload } from './conversations.service.js';
import { EDIT_WINDOW_MINUTES } from './dto/conversation-rules.js';
import { EditMessageInput } from './dto/edit-message.input.js';
import { Message } from './models/message.model.js';

/** Through Redis the payload arrives as JSON: turn its timestamps back into Dates. */
const revive = (message: Message): Message => ({
  ...message,
  sentAt: new Date(message.sentAt),
  editedAt: message.editedAt === null ? null : new Date(message.editedAt),
});

@Resolver(() => Message)
export class MessagesResolver {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly people: PeopleService,
  ) {}

  @Mutation(() => Message, {
    description: `Changes the text of a message you sent less than ${EDIT_WINDOW_MINUTES} minutes ago. Errors: BAD_USER_INPUT (invalid input, with \`field\`), NOT_FOUND (no such message of yours), FORBIDDEN (sent more than ${EDIT_WINDOW_MINUTES} minutes ago).`,
  })
  editMessage(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The message and its new text.' }) input: EditMessageInput,
  ): Promise<Message> {
    return this.conversations.edit(user, input);
  }

  @Mutation(() => Message, {
    description: `Deletes a message you sent less than ${EDIT_WINDOW_MINUTES} minutes ago: it stays in place, its text gone. Errors: NOT_FOUND (no such message of yours), FORBIDDEN (sent more than ${EDIT_WINDOW_MINUTES} minutes ago).`,
  })
  deleteMessage(
    @CurrentUser() user: AuthUser,
    @Args('messageId', { type: () => ID, description: 'The message.' }) messageId: string,
  ): Promise<Message> {
    return this.conversations.delete(user, messageId);
  }

  // The connection was authenticated in graphql-ws onConnect (the HTTP guard has no request here).
  @Public()
  @Subscription(() => Message, {
    description:
      'Each new message of your conversations, live (graphql-ws on /graphql; token in connection_init); only of one ' +
      'conversation when `conversationId` is given. Not delivered after you left, nor from people blocked either way. ' +
      'Errors: NOT_FOUND (no such conversation of yours).',
    filter: (payload: MessageAddedPayload, variables: { conversationId?: string | null }, context: GraphQLContext) => {
      const subscriberId = context.req.user?.id;
      if (!subscriberId || !payload.recipientIds.includes(subscriberId)) return false;
      return !variables.conversationId || variables.conversationId === payload.messageAdded.conversationId;
    },
    resolve: (payload: MessageAddedPayload) => revive(payload.messageAdded),
  })
  async messageAdded(
    @CurrentUser() user: AuthUser | undefined,
    @Args('conversationId', { type: () => ID, nullable: true, description: 'Only this conversation’s messages.' })
    conversationId?: string | null,
  ) {
    if (!user) throw unauthenticated();
    // Authorised per conversation: only a participant who has not left may listen to one.
    if (conversationId) await this.conversations.find(user, conversationId);
    return this.conversations.added();
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who sent it; null when their account was deleted or the privacy rules hide them from you.',
  })
  sender(@Parent() message: Message, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return message.senderId ? personLoader(loaders, this.people, viewer).load(message.senderId) : null;
  }
}
