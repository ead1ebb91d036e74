import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthUser, Connection, toConnection } from '#tradegraph/common';
import { OrganizationsService } from '#tradegraph/organizations';
import { Repository } from 'typeorm';
import { AuditLogEntry } from './entities/audit-log-entry.entity.js';
import { AuditLogOrganization } from './entities/audit-log-organization.entity.js';

/** Argument names that hold secrets: any password, token or secret, whatever its prefix or suffix. */
const SECRET_KEY = /password|token|secret/i;

/** Replaces secrets anywhere in a value with "[redacted]"; the audit log never stores them. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(inner)]),
    );
  }
  return value;
}

@Injectable()
export class AuditLogService {
  constructor(
    @InjectRepository(AuditLogEntry) private readonly entries: Repository<AuditLogEntry>,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Stores one entry, linked to the organizations it concerns. */
  async record(entry: {
    actorId: string | null;
    action: string;
    targetId: string | null;
    details: unknown;
    organizationIds?: readonly string[];
  }): Promise<void> {
    const id = randomUUID();
    await this.entries.manager.transaction(async (manager) => {
      await manager.insert(AuditLogEntry, {
        id,
        actorId: entry.actorId,
        action: entry.action,
        targetId: entry.targetId,
        details: JSON.stringify(redactSecrets(entry.details) ?? {}),
        occurredAt: new Date(),
      });
      const organizationIds = [...new Set(entry.organizationIds ?? [])];
      if (organizationIds.length > 0) {
        await manager.insert(
          AuditLogOrganization,
          organizationIds.map((organizationId) => ({ auditLogId: id, organizationId })),
        );
      }
    });
  }

  /**
   * One page of the entries about each organization, newest first; null for the organizations the
   * viewer does not administer. One admin check for all, then one SQL query per organization.
   */
  async organizationPages(
    viewer: AuthUser,
    organizationIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<AuditLogEntry> | null)[]> {
    const adminOf = await this.organizations.adminOrganizations(viewer.id, organizationIds);
    return Promise.all(
      organizationIds.map(async (id) => {
        if (!adminOf.has(id)) return null;
        const [entries, total] = await this.forOrganization(id, offset, first);
        return toConnection(entries, offset, total);
      }),
    );
  }

  private forOrganization(organizationId: string, offset: number, limit: number): Promise<[AuditLogEntry[], number]> {
    return this.entries
      .createQueryBuilder('entry')
      .innerJoin(AuditLogOrganization, 'link', 'link.auditLogId = entry.id')
      .where('link.organizationId = :organizationId', { organizationId })
      .orderBy('entry.occurredAt', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
  }
}
