import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '#tradegraph/common';

/** One audit entry as GraphQL shows it; `actorId` resolves to `actor`. */
@ObjectType('AuditLogEntry', { description: 'One successful mutation: who did what, to which record, and when.' })
export class AuditLogEntryModel {
  @Field(() => ID, { description: 'Id of the entry.' })
  id: string;

  actorId: string | null;

  @Field({ description: 'The mutation’s name, e.g. `updateOrganization`.' })
  action: string;

  @Field(() => ID, { nullable: true, description: 'Id of the record the mutation acted on, when there is one.' })
  targetId: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The mutation’s arguments as JSON, with secrets removed and deleted accounts anonymised.',
  })
  details: string | null;
}

@ObjectType({ description: 'A page of audit entries.' })
export class AuditLogEntryConnection extends ConnectionType(AuditLogEntryModel, 'AuditLogEntry') {}
