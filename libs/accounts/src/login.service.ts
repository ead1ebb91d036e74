import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { LoginThrottle } from '#tradegraph/rate-limits';
import { AccountsService, normalizeEmail } from './accounts.service.js';
import { AuditLogService } from './audit-log.service.js';

/** SHA-256 of the normalized email: names an email in counters and records without storing it. */
export const emailHash = (email: string): string => createHash('sha256').update(normalizeEmail(email)).digest('hex');

/**
 * `login`'s credential check behind the login lockout (libs/rate-limits LoginThrottle): a locked
 * email or address is refused before its password is checked. Each failure is recorded in the audit
 * log and as a warn log line, both without the password; the entry names the account by id, or an
 * unknown email by its hash, and the log line never holds the email.
 */
@Injectable()
export class LoginService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly accounts: AccountsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLogService,
  ) {}

  async login(email: string, password: string, address: string | undefined): Promise<AuthUser> {
    const hash = emailHash(email);
    const attempt = { accountKey: hash, address };
    const ticket = await this.throttle.begin(attempt);
    const { user, accountId } = await this.accounts.checkCredentials(email, password);
    if (user) {
      await this.throttle.succeeded(attempt);
      return user;
    }
    const outcome = await this.throttle.failed(attempt, ticket);
    const details = { ...(accountId ? {} : { emailHash: hash }), address: address ?? null, ...outcome };
    this.logger.warn({ msg: 'login failed', ...(accountId ? { accountId } : {}), ...details });
    await this.audit.record({ actorId: null, action: 'loginFailed', targetId: accountId, details });
    throw unauthenticated('The email or password is incorrect.');
  }

  /**
   * A signed-in caller re-entering their password (changePassword, changeEmail, deleteAccount), behind
   * the same lockout as `login` and counted on the same email: a session in the wrong hands cannot guess
   * the password any faster there. A failure is audited and logged like a failed login.
   */
  async confirmPassword(user: AuthUser, password: string): Promise<boolean> {
    const attempt = { accountKey: emailHash(user.email) };
    const ticket = await this.throttle.begin(attempt);
    if (await this.accounts.verifyPassword(user.id, password)) {
      await this.throttle.succeeded(attempt);
      return true;
    }
    const outcome = await this.throttle.failed(attempt, ticket);
    this.logger.warn({ msg: 'password confirmation failed', accountId: user.id, ...outcome });
    await this.audit.record({
      actorId: user.id,
      action: 'passwordConfirmationFailed',
      targetId: user.id,
      details: outcome,
    });
    return false;
  }
}
