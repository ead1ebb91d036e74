import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthUser, conflict } from '#tradegraph/common';
import { verifiableEmailDomain } from '#tradegraph/organizations';
import { Person, PeopleService } from '#tradegraph/people';
import * as argon2 from 'argon2';
import { IsNull, Repository } from 'typeorm';
import { RegisterInput } from './dto/register.input.js';
import { Account } from './entities/account.entity.js';
import { assertPasswordAllowed } from './password-policy.js';
import { isUniqueViolation } from './unique-violation.js';

// OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane (README, "Passwords").
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Verifying against a dummy hash keeps unknown emails as slow as wrong passwords.
let dummyHash: Promise<string> | undefined;
const getDummyHash = (): Promise<string> => (dummyHash ??= argon2.hash('not-a-real-password', ARGON2_OPTIONS));

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly people: PeopleService,
  ) {}

  /**
   * Creates the account and its Person node; if either fails, neither remains. The address is
   * unverified unless `verified` (demo accounts only); EmailVerificationService mails the link.
   */
  async register(
    input: RegisterInput,
    { verified = false }: { verified?: boolean } = {},
  ): Promise<{ account: Account; person: Person }> {
    assertPasswordAllowed(input.password, input.email, 'input.password');
    const emailNormalized = normalizeEmail(input.email);
    if (await this.accounts.existsBy({ emailNormalized })) throw emailTaken();
    const account = this.accounts.create({
      id: randomUUID(),
      email: input.email.trim(),
      emailNormalized,
      passwordHash: await argon2.hash(input.password, ARGON2_OPTIONS),
      emailVerifiedAt: verified ? new Date() : null,
    });
    try {
      await this.accounts.insert(account);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    try {
      const person = await this.people.create({
        id: account.id,
        name: input.name,
        headline: input.headline || null,
        country: input.country ?? null,
      });
      if (verified) await this.people.setVerifiedEmailDomain(account.id, verifiableEmailDomain(account.email));
      return { account, person };
    } catch (error) {
      await this.accounts.delete({ id: account.id });
      throw error;
    }
  }

  /** The account for these credentials, or null when the email is unknown or the password wrong. */
  async verifyCredentials(email: string, password: string): Promise<AuthUser | null> {
    return (await this.checkCredentials(email, password)).user;
  }

  /** Like verifyCredentials, and also the id of the email's account when the password is wrong. */
  async checkCredentials(
    email: string,
    password: string,
  ): Promise<{ user: AuthUser | null; accountId: string | null }> {
    const account = await this.accounts.findOneBy({ emailNormalized: normalizeEmail(email) });
    if (!account) {
      await argon2.verify(await getDummyHash(), password);
      return { user: null, accountId: null };
    }
    const user = (await argon2.verify(account.passwordHash, password))
      ? { id: account.id, email: account.email }
      : null;
    return { user, accountId: account.id };
  }

  /** True when the password is this account's; false for a wrong password or an unknown account. */
  async verifyPassword(id: string, password: string): Promise<boolean> {
    const account = await this.accounts.findOneBy({ id });
    return account ? argon2.verify(account.passwordHash, password) : false;
  }

  emailExists(email: string): Promise<boolean> {
    return this.accounts.existsBy({ emailNormalized: normalizeEmail(email) });
  }

  /** The user with this email address (any case), or null. */
  async findUserByEmail(email: string): Promise<AuthUser | null> {
    const account = await this.accounts.findOneBy({ emailNormalized: normalizeEmail(email) });
    return account ? { id: account.id, email: account.email, emailVerified: account.emailVerifiedAt !== null } : null;
  }

  async findUser(id: string): Promise<AuthUser | null> {
    const account = await this.accounts.findOneBy({ id });
    return account ? { id: account.id, email: account.email, emailVerified: account.emailVerifiedAt !== null } : null;
  }

  findAccount(id: string): Promise<Account | null> {
    return this.accounts.findOneBy({ id });
  }

  findByEmail(email: string): Promise<Account | null> {
    return this.accounts.findOneBy({ emailNormalized: normalizeEmail(email) });
  }

  /** Marks the account's current address verified (unless it already is), which its person's organizations see. */
  async markEmailVerified(account: Account): Promise<void> {
    const marked = await this.accounts.update(
      { id: account.id, emailVerifiedAt: IsNull() },
      { emailVerifiedAt: new Date() },
    );
    if (marked.affected) await this.people.setVerifiedEmailDomain(account.id, verifiableEmailDomain(account.email));
  }

  /** Sets a new password after the policy check; `field` names the argument at fault. */
  async setPassword(account: Account, password: string, field: string): Promise<void> {
    assertPasswordAllowed(password, account.email, field);
    await this.accounts.update({ id: account.id }, { passwordHash: await argon2.hash(password, ARGON2_OPTIONS) });
  }

  /** Makes `email` the account's verified address. CONFLICT when another account has it meanwhile. */
  async changeEmail(id: string, email: string): Promise<void> {
    try {
      const changed = { email: email.trim(), emailNormalized: normalizeEmail(email), emailVerifiedAt: new Date() };
      await this.accounts.update({ id }, changed);
      await this.people.setVerifiedEmailDomain(id, verifiableEmailDomain(email));
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken('token');
      throw error;
    }
  }
}

export function emailTaken(field = 'input.email') {
  return conflict('An account with this email already exists.', field);
}
