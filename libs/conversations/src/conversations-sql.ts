import { ConversationParticipantRow } from './entities/conversation-participant.entity.js';
import { ConversationRow } from './entities/conversation.entity.js';
import { InquiryRow } from './entities/inquiry.entity.js';
import { MessageRow } from './entities/message.entity.js';
import { CreateConversations1765152000000 } from './migrations/1765152000000-create-conversations.js';

/** The lib's tables and migrations, for the one SQL data source (libs/accounts registers them). */
export const CONVERSATION_ENTITIES = [ConversationRow, ConversationParticipantRow, MessageRow, InquiryRow];
export const CONVERSATION_MIGRATIONS = [CreateConversations1765152000000];
