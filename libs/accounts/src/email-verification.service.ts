import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, conflict, unauthenticated } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { Person, PeopleService } from '#tradegraph/people';
import { AccountsService, emailTaken, normalizeEmail } from './accounts.service.js';
import { RegisterInput } from './dto/register.input.js';
import { Account } from './entities/account.entity.js';
import { accountLink, accountMails } from './mail/account-mails.js';
import { MailService } from './mail/mail.service.js';
import { invalidLink, MailedTokensService } from './mailed-tokens.service.js';
import { LoginService } from './login.service.js';

/**
 * Registration with a verification mail, verifying an address by its mailed link, and changing the
 * address (the new one is mailed a link; the change happens when it is verified; the old one is told).
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: MailedTokensService,
    private readonly mail: MailService,
    private readonly people: PeopleService,
    private readonly login: LoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the account (unverified) and mails the verification link. */
  async register(input: RegisterInput): Promise<{ account: Account; person: Person }> {
    const registered = await this.accounts.register(input);
    await this.sendVerification(registered.account);
    return registered;
  }

  /** Mails a new verification link (older ones stop working). False when the address is already verified. */
  async resend(user: AuthUser): Promise<boolean> {
    const account = await this.accounts.findAccount(user.id);
    if (!account) throw unauthenticated();
    if (account.emailVerifiedAt) return false;
    await this.sendVerification(account);
    return true;
  }

  /** Uses a verification or email-change link; returns the account's person. */
  async verify(token: string): Promise<Person> {
    const used = await this.tokens.use(token, ['verifyEmail', 'changeEmail']);
    const account = await this.accounts.findAccount(used.accountId);
    if (!account) throw invalidLink();
    if (used.purpose === 'verifyEmail') {
      // A link mailed to an address the account no longer has verifies nothing.
      if (normalizeEmail(used.email) !== account.emailNormalized) throw invalidLink();
      await this.accounts.markEmailVerified(account);
    } else {
      await this.accounts.changeEmail(account.id, used.email);
      await this.tokens.retire(account.id, 'verifyEmail');
      await this.tokens.retire(account.id, 'resetPassword');
      this.mail.sendInBackground(accountMails.emailChanged(account.email, used.email));
    }
    return this.people.get(account.id);
  }

  /**
   * Checks the password and mails a link to the new address; nothing changes until it is used.
   * CONFLICT when the address is already an account's (this one's included).
   */
  async requestChange(user: AuthUser, newEmail: string, password: string): Promise<boolean> {
    if (!(await this.login.confirmPassword(user, password))) {
      throw unauthenticated('The password is incorrect.');
    }
    const account = await this.accounts.findAccount(user.id);
    if (!account) throw unauthenticated();
    if (normalizeEmail(newEmail) === account.emailNormalized) {
      throw conflict('This is already your email address.', 'newEmail');
    }
    if (await this.accounts.emailExists(newEmail)) throw emailTaken('newEmail');
    const token = await this.tokens.issue(account.id, 'changeEmail', newEmail.trim());
    this.mail.sendInBackground(accountMails.changeEmail(newEmail.trim(), this.link('verify-email', token)));
    return true;
  }

  private async sendVerification(account: Account): Promise<void> {
    const token = await this.tokens.issue(account.id, 'verifyEmail', account.email);
    this.mail.sendInBackground(accountMails.verifyEmail(account.email, this.link('verify-email', token)));
  }

  private link(page: string, token: string): string {
    return accountLink(this.config, page, token);
  }
}
