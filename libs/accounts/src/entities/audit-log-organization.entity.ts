import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Links an audit entry to an organization it concerns, so organization admins can read it. */
@Entity({ name: 'audit_log_organizations' })
export class AuditLogOrganization {
  @PrimaryColumn({ name: 'audit_log_id', type: 'varchar', length: 36 })
  auditLogId: string;

  @Index('audit_log_organizations_organization')
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 100 })
  organizationId: string;
}
