import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, badInput, Connection, DomainError, forbidden, notFound, toConnection } from '#tradegraph/common';
import { NotificationKind, NotificationsService, PUB_SUB } from '#tradegraph/notifications';
import { PolicyService } from '#tradegraph/policy';
import { PubSubEngine } from 'graphql-subscriptions';
import { DataSource, EntityManager } from 'typeorm';
import { ConversationsRepository } from './conversations.repository.js';
import { EDIT_WINDOW_MINUTES } from './dto/conversation-rules.js';
import { EditMessageInput } from './dto/edit-message.input.js';
import { SendMessageInput } from './dto/send-message.input.js';
import { StartConversationInput } from './dto/start-conversation.input.js';
import { InquiriesRepository } from './inquiries.repository.js';
import { decodeMessageCursor, toMessageConnection } from './message-cursor.js';
import { Conversation } from './models/conversation.model.js';
import { Message } from './models/message.model.js';

/** The topic every new message is published on; subscribers filter by `recipientIds` and conversation. */
export const MESSAGE_ADDED = 'messageAdded';

/** What subscribers receive on the MESSAGE_ADDED topic. */
export interface MessageAddedPayload {
  messageAdded: Message;
  /** The participants it is delivered to: those who have not left, less anyone blocked either way with its sender. */
  recipientIds: string[];
}

/** The same refusal for every reason (not connected, not introduced, blocked, gone), so a block stays private. */
const mayNotStart = () =>
  new DomainError(
    'FORBIDDEN',
    'You can only start a conversation with your connections, people you were introduced to, or members of a supplier you asked.',
    'input.participantIds',
  );
const conversationNotFound = (field = 'conversationId') => notFound('No such conversation.', field);
const messageNotFound = () => notFound('No such message of yours.', 'input.messageId');

@Injectable()
export class ConversationsService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly inquiries: InquiriesRepository,
    private readonly policy: PolicyService,
    private readonly notifications: NotificationsService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly sql: DataSource,
  ) {}

  async start(user: AuthUser, input: StartConversationInput): Promise<Conversation> {
    const others = [...new Set(input.participantIds)];
    if (others.includes(user.id)) throw badInput('input.participantIds', 'participantIds must not include yourself');
    const suppliers = await this.inquiries.openSupplierIds(user.id);
    if (!(await this.policy.mayStartConversation(user.id, others, suppliers))) throw mayNotStart();
    const { id, message } = await this.conversations.create({
      subject: input.subject || null,
      starterId: user.id,
      otherIds: others,
      first: { senderId: user.id, text: input.text, sentAt: new Date() },
    });
    await this.delivered(message);
    return this.seenBy(user.id, id);
  }

  /** Starts the conversation of a claimed inquiry (inside the claim's transaction): its question is the first message. */
  startForInquiry(
    tx: EntityManager,
    inquiry: { buyerId: string; subject: string; text: string; createdAt: Date },
    memberId: string,
  ): Promise<{ id: string; message: Message }> {
    return this.conversations.create(
      {
        subject: inquiry.subject,
        starterId: memberId,
        otherIds: [inquiry.buyerId],
        first: { senderId: inquiry.buyerId, text: inquiry.text, sentAt: inquiry.createdAt },
      },
      tx,
    );
  }

  /**
   * Adds a message. That the sender still takes part is checked inside the transaction that adds it (their
   * participant row locked on PostgreSQL), so a sender who left meanwhile cannot post.
   */
  async send(user: AuthUser, input: SendMessageInput): Promise<Message> {
    const message = await this.sql.transaction(async (tx) => {
      const participant = await this.conversations.lockedActiveParticipant(tx, input.conversationId, user.id);
      if (!participant) throw conversationNotFound('input.conversationId');
      return this.conversations.addMessage(tx, input.conversationId, user.id, input.text);
    });
    await this.delivered(message);
    return message;
  }

  edit(user: AuthUser, input: EditMessageInput): Promise<Message> {
    return this.sql.transaction(async (tx) => {
      await this.ownRecentMessage(tx, user.id, input.messageId);
      return this.conversations.updateMessage(tx, input.messageId, { text: input.text, editedAt: new Date() });
    });
  }

  delete(user: AuthUser, messageId: string): Promise<Message> {
    return this.sql.transaction(async (tx) => {
      await this.ownRecentMessage(tx, user.id, messageId);
      return this.conversations.updateMessage(tx, messageId, { text: '', deletedAt: new Date() });
    });
  }

  async markRead(user: AuthUser, conversationId: string): Promise<Conversation> {
    await this.asParticipant(user.id, conversationId, (tx) => this.conversations.markRead(tx, conversationId, user.id));
    await this.notifications.markSubjectRead(user.id, conversationId);
    return this.seenBy(user.id, conversationId);
  }

  async mute(user: AuthUser, conversationId: string, muted: boolean): Promise<Conversation> {
    await this.asParticipant(user.id, conversationId, (tx) =>
      this.conversations.setMuted(tx, conversationId, user.id, muted),
    );
    return this.seenBy(user.id, conversationId);
  }

  async leave(user: AuthUser, conversationId: string): Promise<boolean> {
    await this.asParticipant(user.id, conversationId, (tx) => this.conversations.leave(tx, conversationId, user.id));
    return true;
  }

  /** The conversation as a participant sees it; NOT_FOUND for anyone else, a person who left included. */
  async find(viewer: AuthUser, conversationId: string): Promise<Conversation> {
    const [conversation] = await this.conversations.findForParticipant(viewer.id, [conversationId]);
    if (!conversation) throw conversationNotFound();
    return conversation;
  }

  /** Whether the person takes part in the conversation and has not left it. */
  async isParticipant(personId: string, conversationId: string): Promise<boolean> {
    return (await this.conversations.activeParticipant(conversationId, personId)) !== null;
  }

  /** Conversations may only be listed by their participant: `Person.conversations` is the viewer's own. */
  mayListConversationsOf(viewer: AuthUser, personId: string): boolean {
    return viewer.id === personId;
  }

  async list(viewer: AuthUser, unreadOnly: boolean, first: number, offset: number): Promise<Connection<Conversation>> {
    const hidden = await this.policy.blockedWith(viewer.id);
    const page = await this.conversations.page(viewer.id, hidden, unreadOnly, offset, first);
    return toConnection(page.items, offset, page.total);
  }

  /** A newest-first page of the conversation's messages the viewer may see (none of people blocked either way). */
  async messages(viewer: AuthUser, conversationId: string, first: number, before?: string | null) {
    const beforeSeq = decodeMessageCursor(before);
    const hidden = await this.policy.blockedWith(viewer.id);
    const page = await this.conversations.messages(conversationId, hidden, beforeSeq, first);
    return toMessageConnection(page.items, page);
  }

  /** The current participants of each conversation, by id. */
  async participantIds(conversationIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.conversations.activeParticipantIds(conversationIds);
    const byConversation = new Map<string, string[]>();
    for (const row of rows)
      byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row.personId]);
    return byConversation;
  }

  async unreadCounts(viewer: AuthUser, hidden: readonly string[], conversationIds: readonly string[]) {
    const rows = await this.conversations.unreadCounts(viewer.id, hidden, conversationIds);
    return new Map(rows.map((row) => [row.conversationId, row.count]));
  }

  async lastMessages(hidden: readonly string[], conversationIds: readonly string[]): Promise<Map<string, Message>> {
    const rows = await this.conversations.lastMessages(hidden, conversationIds);
    return new Map(rows.map((row) => [row.conversationId, row]));
  }

  hiddenFor(viewer: AuthUser): Promise<string[]> {
    return this.policy.blockedWith(viewer.id);
  }

  /** The live stream of new messages (everyone's: the resolver filters). */
  added(): AsyncIterableIterator<MessageAddedPayload> {
    return this.pubSub.asyncIterableIterator<MessageAddedPayload>(MESSAGE_ADDED);
  }

  /**
   * Announces a stored message: live to the participants who have not left and are not blocked either way
   * with the sender (the sender's other sessions too), and as a notification to those who have not muted it,
   * one per conversation until they read it.
   */
  async delivered(message: Message): Promise<void> {
    const senderId = message.senderId as string;
    const rows = await this.conversations.activeParticipantIds([message.conversationId]);
    const blocked = await this.policy.blockedAmong(
      senderId,
      rows.map((row) => row.personId),
    );
    const recipients = rows.filter((row) => !blocked.has(row.personId));
    await this.pubSub.publish(MESSAGE_ADDED, {
      messageAdded: message,
      recipientIds: recipients.map((row) => row.personId),
    } satisfies MessageAddedPayload);
    await this.notifications.notify(
      recipients.filter((row) => !row.muted).map((row) => row.personId),
      NotificationKind.MESSAGE_RECEIVED,
      senderId,
      message.conversationId,
      'sent you a message',
      { once: true },
    );
  }

  private async seenBy(personId: string, conversationId: string): Promise<Conversation> {
    const [conversation] = await this.conversations.findForParticipant(personId, [conversationId]);
    if (!conversation) throw conversationNotFound();
    return conversation;
  }

  /** Runs `write` in a transaction that first checks (and locks) the person's participation; NOT_FOUND without it. */
  private asParticipant(personId: string, conversationId: string, write: (tx: EntityManager) => Promise<void>) {
    return this.sql.transaction(async (tx) => {
      const participant = await this.conversations.lockedActiveParticipant(tx, conversationId, personId);
      if (!participant) throw conversationNotFound();
      await write(tx);
    });
  }

  /** The caller's own message, not deleted, sent less than EDIT_WINDOW_MINUTES ago, in a conversation they are still in. */
  private async ownRecentMessage(tx: EntityManager, personId: string, messageId: string): Promise<void> {
    const message = await this.conversations.lockedMessage(tx, messageId);
    if (!message || message.senderId !== personId || message.deletedAt) throw messageNotFound();
    const participant = await this.conversations.lockedActiveParticipant(tx, message.conversationId, personId);
    if (!participant) throw messageNotFound();
    if (Date.now() - message.sentAt.getTime() > EDIT_WINDOW_MINUTES * 60_000) {
      throw forbidden(`A message can only be changed within ${EDIT_WINDOW_MINUTES} minutes of sending it.`);
    }
  }
}
