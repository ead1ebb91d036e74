import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A conversation between people; its participants and messages are rows of their own tables. */
@Entity({ name: 'conversations' })
export class ConversationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  subject: string | null;

  /** Who started it; null once their account is deleted (the subject is cleared with it). */
  @Column({ name: 'started_by_id', type: 'varchar', length: 36, nullable: true })
  startedById: string | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  /**
   * When anyone's newest message was sent (its creation before that). Not shown, nor used for a viewer's
   * order: messages hidden from the viewer (blocks) would move it.
   */
  @Index('conversations_last_activity')
  @Column({ name: 'last_activity_at' })
  lastActivityAt: Date;
}
