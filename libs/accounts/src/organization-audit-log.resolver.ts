import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, offsetAfter, PageArgs, RequestLoaders } from '#tradegraph/common';
import type { AuthUser, Connection } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { AuditLogService } from './audit-log.service.js';
import { AuditLogEntry } from './entities/audit-log-entry.entity.js';
import { AuditLogEntryConnection } from './models/audit-log-entry.model.js';

/** Adds `auditLog` to Organization. */
@Resolver(() => Organization)
export class OrganizationAuditLogResolver {
  constructor(private readonly audit: AuditLogService) {}

  @ResolveField(() => AuditLogEntryConnection, {
    nullable: true,
    description:
      'Audit entries about this organization (its changes, memberships, trades and endorsements), newest first. ' +
      'Null unless the viewer is an admin of it.',
  })
  auditLog(
    @Parent() organization: Organization,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const offset = offsetAfter(page.after);
    return loaders
      .get<string, Connection<AuditLogEntry> | null>(`auditLog:${page.first}:${offset}`, (ids) =>
        this.audit.organizationPages(viewer, ids, page.first, offset),
      )
      .load(organization.id);
  }
}
