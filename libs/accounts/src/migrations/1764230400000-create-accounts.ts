import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/** Accounts, refresh tokens and the audit log, on SQLite and PostgreSQL alike. */
export class CreateAccounts1764230400000 implements MigrationInterface {
  name = 'CreateAccounts1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamp with time zone' : 'datetime';
    const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: name === 'id' });
    const time = (name: string, isNullable = false): TableColumnOptions => ({ name, type: timestamp, isNullable });

    await queryRunner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          id(),
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'email_normalized', type: 'varchar', length: '254' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { ...time('created_at'), default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [{ name: 'accounts_email_normalized_unique', columnNames: ['email_normalized'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          id(),
          id('account_id'),
          id('family_id'),
          { name: 'token_hash', type: 'varchar', length: '64' },
          time('expires_at'),
          time('used_at', true),
          time('revoked_at', true),
          { ...time('created_at'), default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          { name: 'refresh_tokens_hash_unique', columnNames: ['token_hash'], isUnique: true },
          { name: 'refresh_tokens_account', columnNames: ['account_id'] },
          { name: 'refresh_tokens_family', columnNames: ['family_id'] },
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          id(),
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'action', type: 'varchar', length: '100' },
          { name: 'target_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'details', type: 'text' },
          time('occurred_at'),
        ],
        indices: [
          { name: 'audit_log_actor', columnNames: ['actor_id'] },
          { name: 'audit_log_target', columnNames: ['target_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log');
    await queryRunner.dropTable('refresh_tokens');
    await queryRunner.dropTable('accounts');
  }
}
