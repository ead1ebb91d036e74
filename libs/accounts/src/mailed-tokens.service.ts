import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { badInput } from '#tradegraph/common';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { AccountToken, AccountTokenPurpose } from './entities/account-token.entity.js';

/** How long each kind of mailed link works. */
export const MAILED_TOKEN_TTL_MINUTES: Record<AccountTokenPurpose, number> = {
  verifyEmail: 24 * 60,
  changeEmail: 24 * 60,
  resetPassword: 30,
};

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The single-use, expiring tokens of mailed links. A token is 32 random bytes (base64url); only its
 * SHA-256 hash is stored. Issuing one replaces the account's earlier unused tokens of the same purpose.
 */
@Injectable()
export class MailedTokensService {
  constructor(@InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>) {}

  /** A new token for the account, mailed to `email`; returns the token to put in the link. */
  async issue(accountId: string, purpose: AccountTokenPurpose, email: string): Promise<string> {
    await this.retire(accountId, purpose);
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert({
      id: randomUUID(),
      accountId,
      purpose,
      tokenHash: hashToken(token),
      email,
      expiresAt: new Date(Date.now() + MAILED_TOKEN_TTL_MINUTES[purpose] * 60_000),
      usedAt: null,
    });
    return token;
  }

  /**
   * Uses a token of one of `purposes`: of concurrent uses exactly one succeeds. BAD_USER_INPUT (field
   * `token`) when it is unknown, expired, already used or replaced. `check` runs first: when it throws
   * (a refused new password, say), the token stays unused.
   */
  async use(
    token: string,
    purposes: readonly AccountTokenPurpose[],
    check?: (stored: AccountToken) => Promise<void>,
  ): Promise<AccountToken> {
    const stored = await this.tokens.findOneBy({ tokenHash: hashToken(token) });
    if (!stored || !purposes.includes(stored.purpose)) throw invalidLink();
    if (stored.usedAt || stored.expiresAt.getTime() <= Date.now()) throw invalidLink();
    await check?.(stored);
    const claimed = await this.tokens.update(
      { id: stored.id, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      { usedAt: new Date() },
    );
    if (!claimed.affected) throw invalidLink();
    return stored;
  }

  /** Marks the account's unused tokens of this purpose used, so older links stop working. */
  async retire(accountId: string, purpose: AccountTokenPurpose): Promise<void> {
    await this.tokens.update({ accountId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}

/** The answer for a link that does not work (any reason: which one is not told). */
export function invalidLink() {
  return badInput('token', 'This link is invalid, has expired or was already used; ask for a new one.');
}
