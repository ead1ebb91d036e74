import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who did what to which record, and when; one row per successful mutation and per failed login. */
@Entity({ name: 'audit_log' })
export class AuditLogEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('audit_log_actor')
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  /** The mutation's name, e.g. `createOrganization`. */
  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Index('audit_log_target')
  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId: string | null;

  /** The mutation's arguments as JSON, with secrets removed. */
  @Column({ type: 'text' })
  details: string;

  @Column({ name: 'occurred_at' })
  occurredAt: Date;
}
