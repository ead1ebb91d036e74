import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Email verification, mailed tokens and session details, on SQLite and PostgreSQL alike. Accounts that
 * existed before stay unverified until they verify (resendVerificationEmail).
 */
export class EmailFlows1765065600000 implements MigrationInterface {
  name = 'EmailFlows1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamp with time zone' : 'datetime';
    await queryRunner.addColumn(
      'accounts',
      new TableColumn({ name: 'email_verified_at', type: timestamp, isNullable: true }),
    );
    await queryRunner.addColumns('refresh_tokens', [
      new TableColumn({ name: 'user_agent', type: 'varchar', length: '300', isNullable: true }),
      new TableColumn({ name: 'address', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'account_id', type: 'varchar', length: '36' },
          { name: 'purpose', type: 'varchar', length: '20' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'expires_at', type: timestamp },
          { name: 'used_at', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp, default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          { name: 'account_tokens_hash_unique', columnNames: ['token_hash'], isUnique: true },
          { name: 'account_tokens_account', columnNames: ['account_id'] },
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('account_tokens');
    await queryRunner.dropColumn('refresh_tokens', 'address');
    await queryRunner.dropColumn('refresh_tokens', 'user_agent');
    await queryRunner.dropColumn('accounts', 'email_verified_at');
  }
}
