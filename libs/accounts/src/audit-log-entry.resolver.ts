import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person, PeopleService, personLoader } from '#tradegraph/people';
import { AuditLogEntryModel } from './models/audit-log-entry.model.js';

/** Resolves who made an audit entry. */
@Resolver(() => AuditLogEntryModel)
export class AuditLogEntryResolver {
  constructor(private readonly people: PeopleService) {}

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who made the change; null once their account is deleted.',
  })
  actor(
    @Parent() entry: AuditLogEntryModel,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Person | null> | null {
    return entry.actorId ? personLoader(loaders, this.people, viewer).load(entry.actorId) : null;
  }
}
