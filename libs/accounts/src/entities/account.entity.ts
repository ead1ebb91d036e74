import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A login. Its id is also the id of the person's node in the graph. */
@Entity({ name: 'accounts' })
export class Account {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The address as the person typed it. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Lower-cased address; unique, so emails are unique case-insensitively on every database. */
  @Index('accounts_email_normalized_unique', { unique: true })
  @Column({ name: 'email_normalized', type: 'varchar', length: 254 })
  emailNormalized: string;

  /** Argon2id hash in PHC string format. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** When the address was verified through a mailed link (demo accounts: at creation); null until then. */
  @Column({ name: 'email_verified_at', nullable: true, type: Date })
  emailVerifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
