import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { AccountsService, normalizeEmail } from './accounts.service.js';
import { AuditLogService } from './audit-log.service.js';
import { Account } from './entities/account.entity.js';
import { assertPasswordAllowed } from './password-policy.js';
import { accountLink, accountMails } from './mail/account-mails.js';
import { MailService } from './mail/mail.service.js';
import { invalidLink, MailedTokensService } from './mailed-tokens.service.js';
import { ClientInfo, IssuedTokens, TokensService } from './tokens.service.js';
import { LoginService } from './login.service.js';

/** Forgotten passwords (a mailed, single-use link valid for 30 minutes) and password changes. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: MailedTokensService,
    private readonly sessions: TokensService,
    private readonly mail: MailService,
    private readonly audit: AuditLogService,
    private readonly login: LoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Mails a reset link when the address is an account's. Answers at once, the same either way: finding
   * the account, issuing the token, auditing and mailing all happen after the answer (a failure is
   * logged, never answered), so neither the answer nor its time tells whether an address has an account.
   */
  requestReset(email: string): Promise<true> {
    this.mail.sendInBackground(async () => {
      const account = await this.accounts.findByEmail(email);
      if (!account) return null;
      const token = await this.tokens.issue(account.id, 'resetPassword', account.email);
      // Names the account by id only: the generic entry of the mutation keeps no address.
      await this.audit.record({ actorId: null, action: 'passwordResetMailed', targetId: account.id, details: {} });
      return accountMails.resetPassword(account.email, accountLink(this.config, 'reset-password', token));
    });
    return Promise.resolve(true);
  }

  /**
   * Sets the new password through a reset link, ends every session of the account and starts a new one.
   * The link proves the address too, so an unverified address becomes verified.
   */
  async reset(token: string, newPassword: string, client: ClientInfo): Promise<IssuedTokens & { user: AuthUser }> {
    const found: { account?: Account } = {};
    await this.tokens.use(token, ['resetPassword'], async (stored) => {
      const current = await this.accounts.findAccount(stored.accountId);
      if (!current || current.emailNormalized !== normalizeEmail(stored.email)) throw invalidLink();
      assertPasswordAllowed(newPassword, current.email, 'newPassword');
      found.account = current;
    });
    const account = found.account as Account;
    await this.accounts.setPassword(account, newPassword, 'newPassword');
    await this.accounts.markEmailVerified(account);
    await this.tokens.retire(account.id, 'changeEmail');
    await this.sessions.endSessions(account.id, 'passwordChanged');
    const user = (await this.accounts.findUser(account.id)) as AuthUser;
    return { ...(await this.sessions.issue(user, client)), user };
  }

  /**
   * Changes the password; every other session of the account ends. A pending email change is cancelled
   * too: whoever asked for it knew the old password, and its link would hand them the account.
   */
  async change(user: AuthUser, currentPassword: string, newPassword: string): Promise<boolean> {
    if (!(await this.login.confirmPassword(user, currentPassword))) {
      throw unauthenticated('The current password is incorrect.');
    }
    const account = await this.accounts.findAccount(user.id);
    if (!account) throw unauthenticated();
    await this.accounts.setPassword(account, newPassword, 'newPassword');
    await this.tokens.retire(account.id, 'resetPassword');
    await this.tokens.retire(account.id, 'changeEmail');
    await this.sessions.endSessions(account.id, 'passwordChanged', user.sessionId);
    return true;
  }

  /**
   * Signs the account out everywhere; returns how many sessions ended. A person does this when someone
   * else may hold their account, so the mailed links of a password reset or an email change pending
   * stop working as well.
   */
  async logoutEverywhere(user: AuthUser): Promise<number> {
    await this.tokens.retire(user.id, 'resetPassword');
    await this.tokens.retire(user.id, 'changeEmail');
    return this.sessions.endSessions(user.id, 'loggedOutEverywhere');
  }
}
