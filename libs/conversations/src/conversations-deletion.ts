import { EntityManager, In, IsNull, Not } from 'typeorm';
import { ConversationParticipantRow } from './entities/conversation-participant.entity.js';
import { ConversationRow } from './entities/conversation.entity.js';
import { InquiryRow } from './entities/inquiry.entity.js';
import { MessageRow } from './entities/message.entity.js';

/**
 * The conversation part of deleting an account, inside the deletion's SQL transaction: the person's
 * messages stay in place without text or sender (shown as deleted), their participation goes, the
 * subjects of conversations they started are cleared, their own inquiries go, and inquiries they claimed
 * or closed forget who did. Conversations nobody takes part in any more go with their messages.
 */
export async function deleteConversationData(manager: EntityManager, personId: string): Promise<void> {
  const now = new Date();
  await manager.update(MessageRow, { senderId: personId, deletedAt: IsNull() }, { deletedAt: now });
  await manager.update(MessageRow, { senderId: personId }, { senderId: null, text: '', editedAt: null });
  const joined = await manager.find(ConversationParticipantRow, {
    select: { conversationId: true },
    where: { personId },
  });
  await manager.delete(ConversationParticipantRow, { personId });
  await manager.update(ConversationRow, { startedById: personId }, { startedById: null, subject: null });
  await manager.delete(InquiryRow, { buyerId: personId });
  await manager.update(InquiryRow, { claimedById: personId }, { claimedById: null });
  await manager.update(InquiryRow, { closedById: personId }, { closedById: null });
  const conversationIds = joined.map((row) => row.conversationId);
  if (conversationIds.length === 0) return;
  const stillJoined = await manager.find(ConversationParticipantRow, {
    select: { conversationId: true },
    where: { conversationId: In(conversationIds), personId: Not(personId) },
  });
  const empty = conversationIds.filter((id) => !stillJoined.some((row) => row.conversationId === id));
  if (empty.length > 0) {
    await manager.delete(MessageRow, { conversationId: In(empty) });
    await manager.delete(ConversationRow, { id: In(empty) });
  }
}
