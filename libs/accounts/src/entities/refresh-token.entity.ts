import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One refresh token of a login session. Only a SHA-256 hash of the token is stored. Tokens of
 * one session form a family: each refresh uses one token and issues the next; presenting a
 * used token again revokes the whole family.
 */
@Entity({ name: 'refresh_tokens' })
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('refresh_tokens_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @Index('refresh_tokens_family')
  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId: string;

  @Index('refresh_tokens_hash_unique', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ name: 'used_at', nullable: true, type: Date })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', nullable: true, type: Date })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
