import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { jwtKey } from './jwt-key.js';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { Account } from './entities/account.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { SessionEnded, SessionEventsService } from './session-events.service.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Where a sign-in or refresh came from, kept with the session for `me.sessions`. */
export interface ClientInfo {
  userAgent?: string | null;
  address?: string | null;
}

/** An active session: a refresh-token family, when it began and when it was last refreshed. */
export interface SessionInfo {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  address: string | null;
}

/** What an access token stands for once verified: the user, their session, and when the token expires. */
export interface VerifiedAccess {
  user: AuthUser;
  sessionId: string;
  expiresAt: Date;
}

/** Claims of our access tokens: the account (`sub`) and the session (`sid`, the refresh-token family). */
export interface AccessClaims {
  sub?: unknown;
  sid?: unknown;
  exp?: unknown;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Sessions: access tokens (JWT, naming their session) and rotating refresh tokens with reuse detection.
 * A session is a refresh-token family; it is active while one of its tokens is neither revoked nor expired.
 */
@Injectable()
export class TokensService {
  constructor(
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SessionEventsService,
  ) {}

  /**
   * The user of verified access-token claims while their account exists and the session is active, else
   * null. Used by the JWT strategy on every request and by the graphql-ws connection_init.
   */
  async userOfClaims(claims: AccessClaims): Promise<AuthUser | null> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    // One round trip on every request: the account, joined with one live token of the session.
    const row = await this.refreshTokens
      .createQueryBuilder('token')
      .innerJoin(Account, 'account', 'account.id = token.account_id')
      .select(['account.id AS id', 'account.email AS email', 'account.email_verified_at AS verified_at'])
      .where('token.account_id = :accountId AND token.family_id = :familyId', {
        accountId: claims.sub,
        familyId: claims.sid,
      })
      .andWhere('token.revoked_at IS NULL AND token.expires_at > :now', { now: new Date() })
      .limit(1)
      .getRawOne<{ id: string; email: string; verified_at: unknown }>();
    if (!row) return null;
    return { id: row.id, email: row.email, emailVerified: row.verified_at !== null, sessionId: claims.sid };
  }

  /** Verifies an access token (signature, expiry, session, account); null when any check fails. */
  async verifyAccessToken(token: string): Promise<VerifiedAccess | null> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        secret: jwtKey(this.config.auth.jwtSecret) as unknown as string,
        algorithms: ['HS256'],
      });
    } catch {
      return null;
    }
    const user = await this.userOfClaims(claims);
    if (!user || typeof claims.exp !== 'number') return null;
    return { user, sessionId: claims.sid as string, expiresAt: new Date(claims.exp * 1000) };
  }

  /** Starts a new session (a new refresh-token family). */
  issue(user: AuthUser, client: ClientInfo = {}): Promise<IssuedTokens> {
    return this.issueInFamily(user, randomUUID(), client);
  }

  /**
   * Uses a refresh token and returns the next pair in the same session. Used again within the grace
   * window (two tabs, a client retry), it gets another pair; used again later, it was stolen or
   * replayed: the whole session is revoked and the caller must log in again.
   */
  async refresh(
    token: string,
    findUser: (id: string) => Promise<AuthUser | null>,
    client: ClientInfo = {},
  ): Promise<IssuedTokens & { user: AuthUser }> {
    const stored = await this.refreshTokens.findOneBy({ tokenHash: hashToken(token) });
    if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) throw invalidToken();
    // Conditional update: of concurrent uses of one token, exactly one claims it first.
    const claimed = await this.refreshTokens.update({ id: stored.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!claimed.affected && !(await this.withinGrace(stored.id))) {
      await this.revokeFamily(stored.accountId, stored.familyId, 'revoked');
      throw unauthenticated('This refresh token was already used; the session has been revoked. Please log in again.');
    }
    const user = await findUser(stored.accountId);
    if (!user) throw invalidToken();
    return { ...(await this.issueInFamily(user, stored.familyId, client)), user };
  }

  /** Ends the caller's session that the token belongs to. False when it is unknown or someone else's. */
  async logout(token: string, user: AuthUser): Promise<boolean> {
    const stored = await this.refreshTokens.findOneBy({ tokenHash: hashToken(token) });
    if (!stored || stored.accountId !== user.id) return false;
    await this.revokeFamily(user.id, stored.familyId, 'logout');
    return true;
  }

  /** The account's active sessions, most recently used first. */
  async sessions(accountId: string): Promise<SessionInfo[]> {
    const tokens = await this.refreshTokens.find({
      where: { accountId, revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    const byFamily = new Map<string, RefreshToken[]>();
    for (const token of tokens) byFamily.set(token.familyId, [...(byFamily.get(token.familyId) ?? []), token]);
    const now = Date.now();
    return [...byFamily.entries()]
      .filter(([, family]) => family.some((token) => token.expiresAt.getTime() > now))
      .map(([id, family]) => {
        const newest = family[family.length - 1];
        return {
          id,
          createdAt: family[0].createdAt,
          lastUsedAt: newest.createdAt,
          userAgent: newest.userAgent,
          address: newest.address,
        };
      })
      .sort((a, b) => b.lastUsedAt.getTime() - a.lastUsedAt.getTime() || a.id.localeCompare(b.id));
  }

  /** Ends one of the account's active sessions; false when it has no such active session. */
  async endSession(accountId: string, sessionId: string): Promise<boolean> {
    if (!(await this.isSessionActive(accountId, sessionId))) return false;
    await this.revokeFamily(accountId, sessionId, 'ended');
    return true;
  }

  /**
   * Ends every active session of the account except `keepSessionId` (when given): refresh and access
   * tokens stop working and live connections close, on every instance. Returns how many ended.
   */
  async endSessions(accountId: string, reason: SessionEnded['reason'], keepSessionId?: string): Promise<number> {
    const sessions = (await this.sessions(accountId)).filter((session) => session.id !== keepSessionId);
    for (const session of sessions) await this.revokeFamily(accountId, session.id, reason);
    return sessions.length;
  }

  /** True while the session has a refresh token that is neither revoked nor expired. */
  private isSessionActive(accountId: string, familyId: string): Promise<boolean> {
    return this.refreshTokens.existsBy({
      accountId,
      familyId,
      revokedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
  }

  /** A token already used: still acceptable when first used within the grace window, in a live session. */
  private async withinGrace(id: string): Promise<boolean> {
    const current = await this.refreshTokens.findOneBy({ id });
    if (!current?.usedAt || current.revokedAt) return false;
    return Date.now() - current.usedAt.getTime() <= this.config.auth.refreshReuseGraceSeconds * 1000;
  }

  private async revokeFamily(accountId: string, familyId: string, reason: SessionEnded['reason']): Promise<void> {
    await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.events.publish({ accountId, sessionId: familyId, reason });
  }

  private async issueInFamily(user: AuthUser, familyId: string, client: ClientInfo): Promise<IssuedTokens> {
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
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      address: client.address?.slice(0, 64) ?? null,
    });
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid: familyId }, { expiresIn });
    return { accessToken, refreshToken, expiresIn };
  }
}

function invalidToken() {
  return unauthenticated('The refresh token is invalid or expired. Please log in again.');
}
