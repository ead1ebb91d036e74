import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One person's place in a conversation: what they have read, whether they muted or left it. */
@Entity({ name: 'conversation_participants' })
export class ConversationParticipantRow {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 36 })
  conversationId: string;

  @Index('conversation_participants_person')
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 36 })
  personId: string;

  @Column({ name: 'joined_at' })
  joinedAt: Date;

  /** `seq` of the newest message they have read; 0 for none. */
  @Column({ name: 'last_read_seq', type: 'integer', default: 0 })
  lastReadSeq: number;

  @Column({ type: 'boolean', default: false })
  muted: boolean;

  /** When they left; a person who left no longer sees or receives the conversation. */
  @Column({ name: 'left_at', type: Date, nullable: true })
  leftAt: Date | null;
}
