import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { lastMessageLoader, participantsLoader, unreadCountLoader } from './conversation-loaders.js';
import { ConversationsService } from './conversations.service.js';
import { MessagesArgs } from './dto/conversation-args.js';
import { OTHERS_MAX } from './dto/conversation-rules.js';
import { SendMessageInput } from './dto/send-message.input.js';
import { StartConversationInput } from './dto/start-conversation.input.js';
import { Conversation } from './models/conversation.model.js';
import { Message, MessageConnection } from './models/message.model.js';

const conversationIdArg = { type: () => ID, description: 'The conversation.' };

@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly people: PeopleService,
  ) {}

  @Query(() => Conversation, {
    description: 'One of your conversations. Errors: NOT_FOUND (no such conversation, or you left it).',
  })
  conversation(@CurrentUser() user: AuthUser, @Args('id', conversationIdArg) id: string): Promise<Conversation> {
    return this.conversations.find(user, id);
  }

  @Mutation(() => Conversation, {
    description:
      'Starts a conversation with 1 to 9 others and sends its first message. Each must be a connection of yours, ' +
      'introduced to you by an accepted introduction, or a member of a supplier you have an open inquiry with. ' +
      'Errors: BAD_USER_INPUT (invalid input, with `field`), FORBIDDEN (someone you may not write to, with `field`).',
  })
  startConversation(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'Who, and the first message.' }) input: StartConversationInput,
  ): Promise<Conversation> {
    return this.conversations.start(user, input);
  }

  @Mutation(() => Message, {
    description:
      'Sends a message to a conversation you take part in. Errors: BAD_USER_INPUT (invalid input, with `field`), NOT_FOUND (no such conversation, or you left it).',
  })
  sendMessage(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The conversation and the text.' }) input: SendMessageInput,
  ): Promise<Message> {
    return this.conversations.send(user, input);
  }

  @Mutation(() => Conversation, {
    description:
      'Marks every message of the conversation read for you, and its notifications. Errors: NOT_FOUND (no such conversation, or you left it).',
  })
  markConversationRead(
    @CurrentUser() user: AuthUser,
    @Args('conversationId', conversationIdArg) conversationId: string,
  ): Promise<Conversation> {
    return this.conversations.markRead(user, conversationId);
  }

  @Mutation(() => Conversation, {
    description:
      'Mutes or unmutes a conversation for you: a muted one still delivers its messages but no notifications. Errors: NOT_FOUND (no such conversation, or you left it).',
  })
  muteConversation(
    @CurrentUser() user: AuthUser,
    @Args('conversationId', conversationIdArg) conversationId: string,
    @Args('muted', { description: 'True to mute, false to unmute.' }) muted: boolean,
  ): Promise<Conversation> {
    return this.conversations.mute(user, conversationId, muted);
  }

  @Mutation(() => Boolean, {
    description:
      'Leaves a conversation: you no longer see it or receive its messages; the others keep it. Errors: NOT_FOUND (no such conversation, or you left it).',
  })
  leaveConversation(
    @CurrentUser() user: AuthUser,
    @Args('conversationId', conversationIdArg) conversationId: string,
  ): Promise<boolean> {
    return this.conversations.leave(user, conversationId);
  }

  @ResolveField(() => [Person], {
    description: `Who takes part (2 to ${OTHERS_MAX + 1} people, so not paginated), you included, ordered by id; people who left or are hidden from you are not listed.`,
  })
  async participants(
    @Parent() conversation: Conversation,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const ids = await participantsLoader(loaders, this.conversations).load(conversation.id);
    // Left out rather than null: a null would tell you that two of the others blocked each other.
    const people = await personLoader(loaders, this.people, viewer).loadMany(ids);
    return people.filter((person) => person !== null && !(person instanceof Error));
  }

  @ResolveField(() => Message, {
    nullable: true,
    description: 'The newest message you may see; null when there is none.',
  })
  lastMessage(
    @Parent() conversation: Conversation,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    return lastMessageLoader(loaders, this.conversations, viewer).load(conversation.id);
  }

  @ResolveField(() => Date, {
    description:
      'When the newest message you may see was sent, or when the conversation started if that is later (as for a claimed inquiry): the order of `conversations`.',
  })
  async lastActivityAt(
    @Parent() conversation: Conversation,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Date> {
    // The same rule as the order of `conversations`: messages hidden from the viewer do not count.
    const last = await lastMessageLoader(loaders, this.conversations, viewer).load(conversation.id);
    // Never before it started: an inquiry's conversation opens with the question, asked before the claim.
    return last && last.sentAt > conversation.createdAt ? last.sentAt : conversation.createdAt;
  }

  @ResolveField(() => Int, { description: 'How many messages of others you have not read yet.' })
  unreadCount(
    @Parent() conversation: Conversation,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    return unreadCountLoader(loaders, this.conversations, viewer).load(conversation.id);
  }

  @ResolveField(() => MessageConnection, {
    description: 'Its messages, newest first; pass a page’s `endCursor` as `before` for older ones.',
  })
  messages(@Parent() conversation: Conversation, @CurrentUser() viewer: AuthUser, @Args() args: MessagesArgs) {
    return this.conversations.messages(viewer, conversation.id, args.first, args.before);
  }
}
