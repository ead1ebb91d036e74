import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionsVisibility } from './connections-visibility.enum.js';

@ObjectType({ description: 'What others may see of a person and find through them.' })
export class PrivacySettings {
  @Field(() => ConnectionsVisibility, { description: 'Who may see your connections and connection count.' })
  connectionsVisibility: ConnectionsVisibility;

  @Field({
    description:
      'Whether you may be named in others’ network searches (networkTradersWith, shortlist evidence). When false your trades and endorsements still count, anonymously.',
  })
  appearInNetworkSearches: boolean;

  @Field({
    description:
      'Whether buyers’ inquiries to the suppliers you work for reach you: when false you get no inquiry notifications and cannot claim inquiries.',
  })
  acceptInquiries: boolean;
}
