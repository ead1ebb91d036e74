import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a mailed token is for. */
export type AccountTokenPurpose = 'verifyEmail' | 'resetPassword' | 'changeEmail';

/**
 * A single-use, expiring token sent by mail (email verification, password reset, email change). Only a
 * SHA-256 hash of the token is stored; `usedAt` is set when it is used or replaced by a newer one.
 */
@Entity({ name: 'account_tokens' })
export class AccountToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('account_tokens_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @Column({ type: 'varchar', length: 20 })
  purpose: AccountTokenPurpose;

  @Index('account_tokens_hash_unique', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** The address the token was mailed to: the account's, or the new one of an email change. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ name: 'used_at', nullable: true, type: Date })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
