import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One message of a conversation; `seq` orders all messages (it only grows). */
@Entity({ name: 'messages' })
@Index('messages_conversation_seq', ['conversationId', 'seq'])
export class MessageRow {
  @PrimaryGeneratedColumn('increment')
  seq: number;

  @Index('messages_id_unique', { unique: true })
  @Column({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId: string;

  /** Null once the sender's account is deleted. */
  @Index('messages_sender')
  @Column({ name: 'sender_id', type: 'varchar', length: 36, nullable: true })
  senderId: string | null;

  /** Plain text; emptied when the message is deleted. */
  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'sent_at' })
  sentAt: Date;

  @Column({ name: 'edited_at', type: Date, nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt: Date | null;
}
