import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { IsNull, Repository } from 'typeorm';
import { AccountsService } from './accounts.service.js';
import { RefreshToken } from './entities/refresh-token.entity.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Access tokens (JWT) and rotating refresh tokens with reuse detection. */
@Injectable()
export class TokensService {
  constructor(
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * The user of a valid, unexpired access token whose account still exists, else null. The same check
   * as the JWT strategy, for callers outside HTTP (the graphql-ws connection_init).
   */
  async verifyAccessToken(token: string): Promise<AuthUser | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown }>(token, {
        secret: this.config.auth.jwtSecret,
        algorithms: ['HS256'],
      });
      return typeof payload.sub === 'string' ? await this.accounts.findUser(payload.sub) : null;
    } catch {
      return null;
    }
  }

  /** Starts a new session (a new refresh-token family). */
  issue(user: AuthUser): Promise<IssuedTokens> {
    return this.issueInFamily(user, randomUUID());
  }

  /**
   * Uses a refresh token once and returns the next pair. A token that was already used means
   * it was stolen or replayed: the whole family is revoked and the caller must log in again.
   */
  async refresh(
    token: string,
    findUser: (id: string) => Promise<AuthUser | null>,
  ): Promise<IssuedTokens & { user: AuthUser }> {
    const stored = await this.refreshTokens.findOneBy({ tokenHash: hashToken(token) });
    if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) throw invalidToken();
    // Conditional update: of two concurrent uses of one token, exactly one wins.
    const claimed = await this.refreshTokens.update({ id: stored.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!claimed.affected) {
      await this.revokeFamily(stored.familyId);
      throw unauthenticated('This refresh token was already used; the session has been revoked. Please log in again.');
    }
    const user = await findUser(stored.accountId);
    if (!user) throw invalidToken();
    return { ...(await this.issueInFamily(user, stored.familyId)), user };
  }

  /** Ends the caller's session that the token belongs to. False when it is unknown or someone else's. */
  async logout(token: string, user: AuthUser): Promise<boolean> {
    const stored = await this.refreshTokens.findOneBy({ tokenHash: hashToken(token) });
    if (!stored || stored.accountId !== user.id) return false;
    await this.revokeFamily(stored.familyId);
    return true;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issueInFamily(user: AuthUser, familyId: string): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const ttlMs = this.config.auth.refreshTokenTtlDays * 24 * 3600 * 1000;
    await this.refreshTokens.insert({
      id: randomUUID(),
      accountId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + ttlMs),
      usedAt: null,
      revokedAt: null,
    });
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email }, { expiresIn });
    return { accessToken, refreshToken, expiresIn };
  }
}

function invalidToken() {
  return unauthenticated('The refresh token is invalid or expired. Please log in again.');
}
