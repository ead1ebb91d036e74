import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/** Conversations, their participants and messages, and supplier inquiries, on SQLite and PostgreSQL alike. */
export class CreateConversations1765152000000 implements MigrationInterface {
  name = 'CreateConversations1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamp with time zone' : 'datetime';
    const id = (name: string, isNullable = false, length = '36'): TableColumnOptions => ({
      name,
      type: 'varchar',
      length,
      isNullable,
    });
    const time = (name: string, isNullable = false): TableColumnOptions => ({ name, type: timestamp, isNullable });
    const toConversation = {
      columnNames: ['conversation_id'],
      referencedTableName: 'conversations',
      referencedColumnNames: ['id'],
      onDelete: 'CASCADE',
    };

    await queryRunner.createTable(
      new Table({
        name: 'conversations',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'subject', type: 'varchar', length: '200', isNullable: true },
          id('started_by_id', true),
          time('created_at'),
          time('last_activity_at'),
        ],
        indices: [{ name: 'conversations_last_activity', columnNames: ['last_activity_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'conversation_participants',
        columns: [
          { ...id('conversation_id'), isPrimary: true },
          { ...id('person_id'), isPrimary: true },
          time('joined_at'),
          { name: 'last_read_seq', type: 'integer', default: 0 },
          { name: 'muted', type: 'boolean', default: false },
          time('left_at', true),
        ],
        indices: [{ name: 'conversation_participants_person', columnNames: ['person_id'] }],
        foreignKeys: [toConversation],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'messages',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          id('id'),
          id('conversation_id'),
          id('sender_id', true),
          { name: 'text', type: 'text' },
          time('sent_at'),
          time('edited_at', true),
          time('deleted_at', true),
        ],
        indices: [
          { name: 'messages_id_unique', columnNames: ['id'], isUnique: true },
          { name: 'messages_conversation_seq', columnNames: ['conversation_id', 'seq'] },
          { name: 'messages_sender', columnNames: ['sender_id'] },
        ],
        foreignKeys: [toConversation],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inquiries',
        columns: [
          { ...id('id'), isPrimary: true },
          id('buyer_id'),
          id('supplier_id', false, '100'),
          id('category_id', true, '100'),
          { name: 'subject', type: 'varchar', length: '200' },
          { name: 'text', type: 'text' },
          id('introduction_id', true, '100'),
          { name: 'via', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '20' },
          id('claimed_by_id', true),
          id('conversation_id', true),
          id('closed_by_id', true),
          time('created_at'),
          time('closed_at', true),
        ],
        indices: [
          { name: 'inquiries_supplier_status', columnNames: ['supplier_id', 'status'] },
          { name: 'inquiries_buyer', columnNames: ['buyer_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('inquiries');
    await queryRunner.dropTable('messages');
    await queryRunner.dropTable('conversation_participants');
    await queryRunner.dropTable('conversations');
  }
}
