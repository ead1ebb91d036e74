import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Which organizations each audit entry concerns (an entry may concern several, e.g. a trade's buyer
 * and supplier), for `Organization.auditLog`. Entries written before this migration have no links.
 */
export class AuditLogOrganizations1764835200000 implements MigrationInterface {
  name = 'AuditLogOrganizations1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_log_organizations',
        columns: [
          { name: 'audit_log_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organization_id', type: 'varchar', length: '100', isPrimary: true },
        ],
        indices: [{ name: 'audit_log_organizations_organization', columnNames: ['organization_id'] }],
        foreignKeys: [
          {
            columnNames: ['audit_log_id'],
            referencedTableName: 'audit_log',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log_organizations');
  }
}
