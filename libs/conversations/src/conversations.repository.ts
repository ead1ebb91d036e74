import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { DELETED_TEXT } from './dto/conversation-rules.js';
import { ConversationParticipantRow } from './entities/conversation-participant.entity.js';
import { ConversationRow } from './entities/conversation.entity.js';
import { MessageRow } from './entities/message.entity.js';
import { Conversation } from './models/conversation.model.js';
import { Message } from './models/message.model.js';
import { rowLock } from './row-lock.js';

/** `NOT IN` needs at least one value: an id no person has stands in for none. */
const orNone = (ids: readonly string[]): string[] => (ids.length > 0 ? [...ids] : ['']);

/** A message row as the API shows it: a deleted one keeps its place but not its text. */
export const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  seq: row.seq,
  conversationId: row.conversationId,
  senderId: row.senderId,
  text: row.deletedAt ? DELETED_TEXT : row.text,
  sentAt: row.sentAt,
  editedAt: row.editedAt,
  deleted: row.deletedAt !== null,
});

const toConversation = (row: ConversationRow, participant: ConversationParticipantRow): Conversation => ({
  id: row.id,
  subject: row.subject,
  createdAt: row.createdAt,
  muted: participant.muted,
  lastReadSeq: participant.lastReadSeq,
});

export interface NewConversation {
  subject: string | null;
  starterId: string;
  otherIds: string[];
  /** The first message; `senderId` is the starter unless said otherwise (an inquiry's buyer). */
  first: { senderId: string; text: string; sentAt: Date };
}

/**
 * SQL of conversations, participants and messages. `hidden` lists the people blocked either way with
 * the viewer: their messages are neither shown nor counted for the viewer.
 */
@Injectable()
export class ConversationsRepository {
  constructor(private readonly sql: DataSource) {}

  /**
   * Creates a conversation, its participants (its starter and the first message's sender have read it) and first message, in
   * one transaction (`within` when given).
   */
  create(draft: NewConversation, within?: EntityManager): Promise<{ id: string; message: Message }> {
    const run = async (tx: EntityManager) => {
      const now = new Date();
      const id = randomUUID();
      await tx.insert(ConversationRow, {
        id,
        subject: draft.subject,
        startedById: draft.starterId,
        createdAt: now,
        lastActivityAt: now,
      });
      await tx.insert(
        ConversationParticipantRow,
        [draft.starterId, ...draft.otherIds].map((personId) => ({
          conversationId: id,
          personId,
          joinedAt: now,
          lastReadSeq: 0,
          muted: false,
          leftAt: null,
        })),
      );
      const message = await this.insertMessage(tx, id, draft.first.senderId, draft.first.text, draft.first.sentAt);
      await tx.update(
        ConversationParticipantRow,
        { conversationId: id, personId: In([draft.starterId, draft.first.senderId]) },
        { lastReadSeq: message.seq },
      );
      return { id, message: toMessage(message) };
    };
    return within ? run(within) : this.sql.transaction(run);
  }

  /**
   * Adds a message and marks it read by its sender, in `tx`. The stored `lastActivityAt` counts everyone's
   * messages, so it is never shown nor used for a viewer's order (that would reveal messages hidden from them).
   */
  async addMessage(tx: EntityManager, conversationId: string, senderId: string, text: string): Promise<Message> {
    const now = new Date();
    const row = await this.insertMessage(tx, conversationId, senderId, text, now);
    await tx.update(ConversationRow, { id: conversationId }, { lastActivityAt: now });
    await tx.update(ConversationParticipantRow, { conversationId, personId: senderId }, { lastReadSeq: row.seq });
    return toMessage(row);
  }

  private async insertMessage(
    tx: EntityManager,
    conversationId: string,
    senderId: string,
    text: string,
    sentAt: Date,
  ): Promise<MessageRow> {
    const id = randomUUID();
    await tx.insert(MessageRow, { id, conversationId, senderId, text, sentAt, editedAt: null, deletedAt: null });
    return tx.findOneByOrFail(MessageRow, { id });
  }

  /** The person's place in a conversation they have not left, or null. */
  activeParticipant(conversationId: string, personId: string): Promise<ConversationParticipantRow | null> {
    return this.sql.manager.findOneBy(ConversationParticipantRow, { conversationId, personId, leftAt: IsNull() });
  }

  /** Like activeParticipant, read inside `tx` with a row lock (PostgreSQL), for a write that depends on it. */
  lockedActiveParticipant(
    tx: EntityManager,
    conversationId: string,
    personId: string,
  ): Promise<ConversationParticipantRow | null> {
    return tx.findOne(ConversationParticipantRow, {
      where: { conversationId, personId, leftAt: IsNull() },
      lock: rowLock(tx),
    });
  }

  /** The conversations (by id) as the person sees them, for those they take part in and have not left. */
  async findForParticipant(personId: string, ids: readonly string[]): Promise<Conversation[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.manager
      .createQueryBuilder(ConversationParticipantRow, 'p')
      .innerJoinAndMapOne('p.conversation', ConversationRow, 'c', 'c.id = p.conversationId')
      .where('p.personId = :personId AND p.leftAt IS NULL AND p.conversationId IN (:...ids)', { personId, ids })
      .getMany();
    return rows.map((p) => toConversation((p as unknown as { conversation: ConversationRow }).conversation, p));
  }

  /** The participants of each conversation who have not left, by person id. */
  async activeParticipantIds(conversationIds: readonly string[]): Promise<ConversationParticipantRow[]> {
    if (conversationIds.length === 0) return [];
    return this.sql.manager
      .createQueryBuilder(ConversationParticipantRow, 'p')
      .where('p.conversationId IN (:...conversationIds) AND p.leftAt IS NULL', { conversationIds })
      .orderBy('p.personId')
      .getMany();
  }

  /**
   * A page of the person's conversations, newest activity they may see first, and how many match in all.
   * A conversation's activity for the viewer is when its newest message they may see was sent, or when it
   * was started if that is later: a message of someone blocked either way with them must not move it up. The newest
   * visible message is found per conversation by walking the (conversation, seq) index from its end.
   */
  async page(
    personId: string,
    hidden: readonly string[],
    unreadOnly: boolean,
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: Conversation[] }> {
    // The later of the two: an inquiry's conversation starts with the question, sent before the claim.
    const later = this.sql.options.type === 'postgres' ? 'GREATEST' : 'MAX';
    const query = this.sql.manager
      .createQueryBuilder(ConversationParticipantRow, 'p')
      .innerJoinAndMapOne('p.conversation', ConversationRow, 'c', 'c.id = p.conversationId')
      .addSelect(
        `${later}(COALESCE((SELECT v.sent_at FROM messages v WHERE v.conversation_id = p.conversation_id
           AND (v.sender_id IS NULL OR v.sender_id NOT IN (:...hidden)) ORDER BY v.seq DESC LIMIT 1), c.created_at),
           c.created_at)`,
        'visible_activity',
      )
      .where('p.personId = :personId AND p.leftAt IS NULL', { personId, hidden: orNone(hidden) });
    if (unreadOnly) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = p.conversation_id AND m.seq > p.last_read_seq
           AND m.deleted_at IS NULL AND m.sender_id <> :personId AND m.sender_id NOT IN (:...hidden))`,
      );
    }
    const [rows, total] = await query
      .orderBy('visible_activity', 'DESC')
      .addOrderBy('c.id', 'DESC')
      // One conversation per participant row, so a plain OFFSET/LIMIT pages it.
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
    return {
      total,
      items: rows.map((p) => toConversation((p as unknown as { conversation: ConversationRow }).conversation, p)),
    };
  }

  /** The unread messages of each conversation for the person: others' visible messages after their read position. */
  async unreadCounts(
    personId: string,
    hidden: readonly string[],
    conversationIds: readonly string[],
  ): Promise<{ conversationId: string; count: number }[]> {
    if (conversationIds.length === 0) return [];
    const rows: { conversationId: string; count: string | number }[] = await this.sql.manager
      .createQueryBuilder(MessageRow, 'm')
      .innerJoin(ConversationParticipantRow, 'p', 'p.conversationId = m.conversationId AND p.personId = :personId', {
        personId,
      })
      .select('m.conversationId', 'conversationId')
      .addSelect('COUNT(*)', 'count')
      .where('m.conversationId IN (:...conversationIds)', { conversationIds })
      .andWhere('m.seq > p.lastReadSeq AND m.deletedAt IS NULL AND m.senderId <> :personId')
      .andWhere('m.senderId NOT IN (:...hidden)', { hidden: orNone(hidden) })
      .groupBy('m.conversationId')
      .getRawMany();
    return rows.map((row) => ({ conversationId: row.conversationId, count: Number(row.count) }));
  }

  /** The newest message of each conversation that the viewer may see. */
  async lastMessages(hidden: readonly string[], conversationIds: readonly string[]): Promise<Message[]> {
    if (conversationIds.length === 0) return [];
    const rows = await this.sql.manager
      .createQueryBuilder(MessageRow, 'm')
      .where(
        `m.seq IN (SELECT MAX(x.seq) FROM messages x WHERE x.conversation_id IN (:...conversationIds)
           AND (x.sender_id IS NULL OR x.sender_id NOT IN (:...hidden)) GROUP BY x.conversation_id)`,
        { conversationIds, hidden: orNone(hidden) },
      )
      .getMany();
    return rows.map(toMessage);
  }

  /** A page of a conversation's visible messages, newest first, from before `beforeSeq` when given. */
  async messages(
    conversationId: string,
    hidden: readonly string[],
    beforeSeq: number | null,
    limit: number,
  ): Promise<{ total: number; newer: number; items: Message[] }> {
    const visible = () =>
      this.sql.manager
        .createQueryBuilder(MessageRow, 'm')
        .where('m.conversationId = :conversationId', { conversationId })
        .andWhere('(m.senderId IS NULL OR m.senderId NOT IN (:...hidden))', { hidden: orNone(hidden) });
    const page = visible().orderBy('m.seq', 'DESC').take(limit);
    if (beforeSeq !== null) page.andWhere('m.seq < :beforeSeq', { beforeSeq });
    const [rows, total] = await page.getManyAndCount();
    const newer = beforeSeq === null ? 0 : await visible().andWhere('m.seq >= :beforeSeq', { beforeSeq }).getCount();
    return { total: total + newer, newer, items: rows.map(toMessage) };
  }

  /** A message read inside `tx` with a row lock (PostgreSQL), for an edit or deletion that depends on it. */
  lockedMessage(tx: EntityManager, id: string): Promise<MessageRow | null> {
    return tx.findOne(MessageRow, { where: { id }, lock: rowLock(tx) });
  }

  async updateMessage(
    tx: EntityManager,
    id: string,
    changes: Partial<Pick<MessageRow, 'text' | 'editedAt' | 'deletedAt'>>,
  ): Promise<Message> {
    await tx.update(MessageRow, { id }, changes);
    return toMessage(await tx.findOneByOrFail(MessageRow, { id }));
  }

  /** Moves the person's read position to the conversation's newest message. */
  async markRead(tx: EntityManager, conversationId: string, personId: string): Promise<void> {
    const newest = await tx
      .createQueryBuilder(MessageRow, 'm')
      .select('MAX(m.seq)', 'seq')
      .where('m.conversationId = :conversationId', { conversationId })
      .getRawOne<{ seq: number | string | null }>();
    await tx.update(
      ConversationParticipantRow,
      { conversationId, personId },
      { lastReadSeq: Number(newest?.seq ?? 0) },
    );
  }

  async setMuted(tx: EntityManager, conversationId: string, personId: string, muted: boolean): Promise<void> {
    await tx.update(ConversationParticipantRow, { conversationId, personId }, { muted });
  }

  async leave(tx: EntityManager, conversationId: string, personId: string): Promise<void> {
    await tx.update(ConversationParticipantRow, { conversationId, personId }, { leftAt: new Date() });
  }
}
