import { Module } from '@nestjs/common';
import { CategoriesModule } from '#tradegraph/categories';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { ConversationsGraphRepository } from './conversations-graph.repository.js';
import { ConversationsRepository } from './conversations.repository.js';
import { ConversationsResolver } from './conversations.resolver.js';
import { ConversationsService } from './conversations.service.js';
import { InquiriesRepository } from './inquiries.repository.js';
import { InquiriesResolver } from './inquiries.resolver.js';
import { InquiriesService } from './inquiries.service.js';
import { MessagesResolver } from './messages.resolver.js';
import { OrganizationInquiriesResolver } from './organization-inquiries.resolver.js';
import { PersonConversationsResolver } from './person-conversations.resolver.js';

/**
 * Conversations between people and buyers' inquiries to suppliers: relational data in the SQL database
 * (the tables are registered with the data source by libs/accounts), people and permissions from the
 * graph through the policy. New messages are delivered live (`messageAdded`) over the notifications'
 * pub-sub engine, in-process or through Redis.
 */
@Module({
  imports: [PeopleModule, OrganizationsModule, CategoriesModule, NotificationsModule],
  providers: [
    ConversationsRepository,
    InquiriesRepository,
    ConversationsGraphRepository,
    ConversationsService,
    InquiriesService,
    ConversationsResolver,
    MessagesResolver,
    PersonConversationsResolver,
    InquiriesResolver,
    OrganizationInquiriesResolver,
  ],
  exports: [ConversationsService],
})
export class ConversationsModule {}
