import * as fs from 'node:fs';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { AccountToken, AuditLogEntry } from '#tradegraph/accounts';
import { newEmployment, newOrganization, newPerson } from './support/factories.js';
import {
  CHANGE_EMAIL,
  CHANGE_PASSWORD,
  EMAIL_VERIFIED,
  expireToken,
  LOGOUT_EVERYWHERE,
  mailedToken,
  REGISTER,
  REQUEST_RESET,
  RESEND,
  RESET,
  refuseTokensOf,
  VERIFY,
} from './support/email-helpers.js';
import { LOGIN, ME } from './support/session-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { RECORD, STEEL } from './support/trades-helpers.js';

const PASSWORD = 'a long enough passphrase';

/** Email verification, password reset and email change, with real mail through an in-process SMTP server. */
describe('email flows', () => {
  let t: TestApp;
  let sequence = 0;
  const uniqueEmail = (label: string) => `${label}-${++sequence}@mail.example`;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function register(email = uniqueEmail('new')) {
    const res = await t.gql(REGISTER, { input: { email, password: PASSWORD, name: 'New Person', country: 'DE' } });
    expect(res.errors).toBeUndefined();
    return { email, ...(res.data!.register as { accessToken: string; refreshToken: string; person: any }) };
  }

  describe('verification', () => {
    it('mails a link to the app on registration; the account is unverified until the link’s token is used, once', async () => {
      const person = await register();
      expect((await t.gql(EMAIL_VERIFIED, {}, person.accessToken)).data!.me.emailVerified).toBe(false);
      const mail = await t.mail.take(person.email);
      expect(mail.from).toBe('no-reply@tradegraph.test');
      expect(mail.subject).toBe('Verify your email address for TradeGraph');
      expect(mail.links[0]).toMatch(/^https:\/\/app\.tradegraph\.test\/verify-email\?token=[\w-]{43}$/);
      const token = new URL(mail.links[0]).searchParams.get('token')!;

      const verified = await t.gql(VERIFY, { token });
      expect(verified.errors).toBeUndefined();
      expect(verified.data!.verifyEmail.id).toBe(person.person.id);
      expect((await t.gql(EMAIL_VERIFIED, {}, person.accessToken)).data!.me.emailVerified).toBe(true);

      const again = onlyError(await t.gql(VERIFY, { token }));
      expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(onlyError(await t.gql(VERIFY, { token: 'made-up' })).extensions.code).toBe('BAD_USER_INPUT');
    });

    it('refuses an expired link', async () => {
      const person = await register();
      const token = await mailedToken(t, person.email, 'Verify');
      await expireToken(t, token);
      expect(onlyError(await t.gql(VERIFY, { token })).extensions.code).toBe('BAD_USER_INPUT');
      expect((await t.gql(EMAIL_VERIFIED, {}, person.accessToken)).data!.me.emailVerified).toBe(false);
    });

    it('resends a link on request, which replaces the earlier one; false once verified', async () => {
      const person = await register();
      const first = await mailedToken(t, person.email, 'Verify');
      expect((await t.gql(RESEND, {}, person.accessToken)).data!.resendVerificationEmail).toBe(true);
      const second = await mailedToken(t, person.email, 'Verify');
      expect(onlyError(await t.gql(VERIFY, { token: first })).extensions.code).toBe('BAD_USER_INPUT');
      expect((await t.gql(VERIFY, { token: second })).errors).toBeUndefined();
      expect((await t.gql(RESEND, {}, person.accessToken)).data!.resendVerificationEmail).toBe(false);
      expect(t.mail.pending(person.email)).toHaveLength(0);
    });

    it('lets an unverified account look around but not record, confirm or rate trades, endorse, refer or post requests', async () => {
      const admin = await newPerson(t);
      const buyer = await newOrganization(t, admin);
      const supplierAdmin = await newPerson(t);
      const supplier = await newOrganization(t, supplierAdmin, { categoryIds: [STEEL] });
      const unverified = await newPerson(t, { verified: false });
      await newEmployment(t, unverified, buyer, { approvedBy: admin });

      expect((await t.gql(ME, {}, unverified.token)).data!.me.id).toBe(unverified.id);
      const search = await t.gql(`{ searchSuppliers(first: 5) { totalCount } }`, {}, unverified.token);
      expect(search.errors).toBeUndefined();

      const input = {
        buyerId: buyer.id,
        supplierId: supplier.id,
        categoryId: STEEL,
        occurredOn: '2024-05-01',
        amountBand: 'FROM_10K_TO_100K',
        visibility: 'PUBLIC',
      };
      const attempts = [
        [RECORD, { input }],
        [`mutation($id: ID!) { confirmTrade(tradeId: $id) { id } }`, { id: 'any' }],
        [
          `mutation($input: LeaveFeedbackInput!) { leaveFeedback(input: $input) { id } }`,
          { input: { tradeId: 'any', quality: 5, delivery: 5, communication: 5 } },
        ],
        [
          `mutation($input: EndorseSupplierInput!) { endorseSupplier(input: $input) { id } }`,
          { input: { supplierId: supplier.id, categoryId: STEEL, rating: 5 } },
        ],
        [
          `mutation($input: ReferSupplierInput!) { referSupplier(input: $input) { id } }`,
          { input: { supplierId: supplier.id, toPersonId: admin.id, categoryId: STEEL } },
        ],
        [
          `mutation($input: PostSourcingRequestInput!) { postSourcingRequest(input: $input) { id } }`,
          { input: { categoryId: STEEL, description: 'Steel beams' } },
        ],
      ] as const;
      for (const [query, variables] of attempts) {
        const error = onlyError(await t.gql(query, variables, unverified.token));
        expect(error.extensions.code).toBe('FORBIDDEN');
        expect(error.message).toMatch(/^Verify your email address first/);
      }

      // Verified by the link in the mail, the same access token may record the trade.
      const { verifyEmail } = (await t.gql(VERIFY, { token: await resendAndRead(unverified.token, unverified.email) }))
        .data!;
      expect(verifyEmail.id).toBe(unverified.id);
      const recorded = await t.gql(RECORD, { input }, unverified.token);
      expect(recorded.errors).toBeUndefined();
    });
  });

  async function resendAndRead(accessToken: string, email: string) {
    expect((await t.gql(RESEND, {}, accessToken)).data!.resendVerificationEmail).toBe(true);
    return mailedToken(t, email, 'Verify');
  }

  describe('passwords', () => {
    it('refuses common passwords and the email address as password', async () => {
      const email = uniqueEmail('policy');
      for (const password of ['1234567890', 'Qwertyuiop', email.toUpperCase()]) {
        const res = await t.gql(REGISTER, { input: { email, password, name: 'P', country: 'DE' } });
        expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
      }
    });
  });

  describe('password reset', () => {
    it('answers true for unknown and known addresses alike, and mails only the known one a 30-minute link', async () => {
      const person = await newPerson(t);
      const unknown = uniqueEmail('nobody');
      const known = await t.gql(REQUEST_RESET, { email: person.email.toUpperCase() });
      const none = await t.gql(REQUEST_RESET, { email: unknown });
      expect(known).toEqual(none);
      expect(known.data).toEqual({ requestPasswordReset: true });
      const mail = await t.mail.take(person.email);
      expect(mail.subject).toBe('Reset your TradeGraph password');
      expect(mail.text).toContain('within 30 minutes');
      expect(mail.links[0]).toMatch(/^https:\/\/app\.tradegraph\.test\/reset-password\?token=/);
      expect(t.mail.pending(unknown)).toHaveLength(0);

      const [row] = await t.sql
        .getRepository(AccountToken)
        .find({ where: { accountId: person.id, purpose: 'resetPassword' } });
      const minutes = (row.expiresAt.getTime() - row.createdAt.getTime()) / 60_000;
      expect(Math.round(minutes)).toBe(30);
    });

    it('answers before the work for a known address, which cannot change the answer even when it fails', async () => {
      const refused = await newPerson(t);
      const person = await newPerson(t);
      const unknown = await t.gql(REQUEST_RESET, { email: uniqueEmail('nobody') });
      const allow = await refuseTokensOf(t, refused.id);
      try {
        // Its token cannot be stored: had the answer waited for that work, it would be an error.
        expect(await t.gql(REQUEST_RESET, { email: refused.email })).toEqual(unknown);
        expect(await t.gql(REQUEST_RESET, { email: person.email })).toEqual(unknown);
        expect((await t.mail.take(person.email)).subject).toBe('Reset your TradeGraph password');
        expect(t.mail.pending(refused.email)).toHaveLength(0);
      } finally {
        await allow();
      }
    });

    it('sets the new password once per link, ends the old sessions and signs in', async () => {
      const person = await newPerson(t);
      await t.gql(REQUEST_RESET, { email: person.email });
      const token = await mailedToken(t, person.email, 'Reset');

      const refused = onlyError(await t.gql(RESET, { token, newPassword: 'password123' }));
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
      // A refused password leaves the link usable.
      const reset = await t.gql(RESET, { token, newPassword: 'a brand new passphrase' });
      expect(reset.errors).toBeUndefined();
      expect(reset.data!.resetPassword.person.id).toBe(person.id);
      expect((await t.gql(ME, {}, reset.data!.resetPassword.accessToken)).data!.me.id).toBe(person.id);
      expect(onlyError(await t.gql(ME, {}, person.token)).extensions.code).toBe('UNAUTHENTICATED');

      const login = (password: string) => t.gql(LOGIN, { input: { email: person.email, password } });
      expect(onlyError(await login(person.password)).extensions.code).toBe('UNAUTHENTICATED');
      expect((await login('a brand new passphrase')).errors).toBeUndefined();
      const again = onlyError(await t.gql(RESET, { token, newPassword: 'yet another passphrase' }));
      expect(again.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    });

    it('refuses an expired link, and a link replaced by a newer one', async () => {
      const person = await newPerson(t);
      await t.gql(REQUEST_RESET, { email: person.email });
      const older = await mailedToken(t, person.email, 'Reset');
      await t.gql(REQUEST_RESET, { email: person.email });
      const newer = await mailedToken(t, person.email, 'Reset');
      expect(
        onlyError(await t.gql(RESET, { token: older, newPassword: 'a brand new passphrase' })).extensions.code,
      ).toBe('BAD_USER_INPUT');
      await expireToken(t, newer);
      expect(
        onlyError(await t.gql(RESET, { token: newer, newPassword: 'a brand new passphrase' })).extensions.code,
      ).toBe('BAD_USER_INPUT');
      expect(
        (await t.gql(LOGIN, { input: { email: person.email, password: person.password } })).errors,
      ).toBeUndefined();
    });

    it('verifies an unverified address, since the link proves it', async () => {
      const person = await newPerson(t, { verified: false });
      await t.gql(REQUEST_RESET, { email: person.email });
      const reset = await t.gql(RESET, {
        token: await mailedToken(t, person.email, 'Reset'),
        newPassword: 'a brand new passphrase',
      });
      const { accessToken } = reset.data!.resetPassword;
      expect((await t.gql(EMAIL_VERIFIED, {}, accessToken)).data!.me.emailVerified).toBe(true);
    });
  });

  describe('email change', () => {
    it('mails the new address; the change happens when it is verified, and the old address is told', async () => {
      const person = await newPerson(t);
      const newEmail = uniqueEmail('moved');
      const wrong = onlyError(await t.gql(CHANGE_EMAIL, { newEmail, password: 'not the password' }, person.token));
      expect(wrong.extensions.code).toBe('UNAUTHENTICATED');
      const asked = await t.gql(CHANGE_EMAIL, { newEmail, password: person.password }, person.token);
      expect(asked.data).toEqual({ changeEmail: true });
      const mail = await t.mail.take(newEmail);
      expect(mail.subject).toBe('Confirm your new email address for TradeGraph');
      // Nothing changed yet.
      const login = (email: string) => t.gql(LOGIN, { input: { email, password: person.password } });
      expect((await login(person.email)).errors).toBeUndefined();

      const token = new URL(mail.links[0]).searchParams.get('token')!;
      expect((await t.gql(VERIFY, { token })).data!.verifyEmail.id).toBe(person.id);
      const notice = await t.mail.take(person.email);
      expect(notice.subject).toBe('Your TradeGraph email address was changed');
      expect(notice.text).toContain(newEmail);
      expect(onlyError(await login(person.email)).extensions.code).toBe('UNAUTHENTICATED');
      expect((await login(newEmail)).errors).toBeUndefined();
      expect(onlyError(await t.gql(VERIFY, { token })).extensions.code).toBe('BAD_USER_INPUT');
    });

    it('cancels a pending change when the password is reset or changed, or the account signs out everywhere', async () => {
      // Whoever asked for the change knew the password; the owner taking the account back must also stop the link.
      const pendingChange = async (person: { email: string; password: string; token: string }) => {
        const newEmail = uniqueEmail('taker');
        const asked = await t.gql(CHANGE_EMAIL, { newEmail, password: person.password }, person.token);
        expect(asked.data).toEqual({ changeEmail: true });
        return new URL((await t.mail.take(newEmail)).links[0]).searchParams.get('token')!;
      };
      const refused = async (token: string, ownEmail: string) => {
        expect(onlyError(await t.gql(VERIFY, { token })).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'token',
        });
        const login = await t.gql(LOGIN, { input: { email: ownEmail, password: 'a brand new passphrase' } });
        expect(login.errors).toBeUndefined();
      };

      const reset = await newPerson(t);
      const viaReset = await pendingChange(reset);
      await t.gql(REQUEST_RESET, { email: reset.email });
      const resetToken = await mailedToken(t, reset.email, 'Reset');
      expect((await t.gql(RESET, { token: resetToken, newPassword: 'a brand new passphrase' })).errors).toBeUndefined();
      await refused(viaReset, reset.email);

      const changed = await newPerson(t);
      const viaChange = await pendingChange(changed);
      const change = { currentPassword: changed.password, newPassword: 'a brand new passphrase' };
      expect((await t.gql(CHANGE_PASSWORD, change, changed.token)).data).toEqual({ changePassword: true });
      await refused(viaChange, changed.email);

      const everywhere = await newPerson(t);
      const viaLogout = await pendingChange(everywhere);
      expect((await t.gql(LOGOUT_EVERYWHERE, {}, everywhere.token)).data!.logoutEverywhere).toBeGreaterThan(0);
      expect(onlyError(await t.gql(VERIFY, { token: viaLogout })).extensions.code).toBe('BAD_USER_INPUT');
      const login = await t.gql(LOGIN, { input: { email: everywhere.email, password: everywhere.password } });
      expect(login.errors).toBeUndefined();
    });

    it('refuses an address that is already an account’s, and an invalid one', async () => {
      const person = await newPerson(t);
      const other = await newPerson(t);
      const taken = onlyError(
        await t.gql(CHANGE_EMAIL, { newEmail: other.email.toUpperCase(), password: person.password }, person.token),
      );
      expect(taken.extensions).toMatchObject({ code: 'CONFLICT', field: 'newEmail' });
      const invalid = onlyError(
        await t.gql(CHANGE_EMAIL, { newEmail: 'nope', password: person.password }, person.token),
      );
      expect(invalid.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newEmail' });
    });
  });

  it('audits every flow without secrets', async () => {
    const person = await register();
    const token = await mailedToken(t, person.email, 'Verify');
    await t.gql(VERIFY, { token });
    await t.gql(REQUEST_RESET, { email: person.email });
    const resetToken = await mailedToken(t, person.email, 'Reset');
    await t.gql(RESET, { token: resetToken, newPassword: 'a brand new passphrase' });
    const entries = await t.sql.getRepository(AuditLogEntry).find();
    const actions = entries.map((entry) => entry.action);
    for (const action of ['verifyEmail', 'requestPasswordReset', 'passwordResetMailed', 'resetPassword']) {
      expect(actions).toContain(action);
    }
    const all = JSON.stringify(entries);
    for (const secret of [token, resetToken, 'a brand new passphrase', PASSWORD]) expect(all).not.toContain(secret);
    const reset = entries.filter((entry) => entry.action === 'requestPasswordReset');
    expect(reset.every((entry) => entry.details === '{}')).toBe(true);
  });
});

describe('email flow rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_ACCOUNT_EMAILS: '2/1h' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits resent verification mails per account and reset requests per address', async () => {
    const person = await newPerson(t, { verified: false });
    for (let i = 0; i < 2; i++)
      expect((await t.gql(RESEND, {}, person.token)).data!.resendVerificationEmail).toBe(true);
    expect(onlyError(await t.gql(RESEND, {}, person.token)).extensions.code).toBe('RATE_LIMITED');
    for (let i = 0; i < 2; i++) await t.gql(REQUEST_RESET, { email: `x${i}@mail.example` });
    const limited = onlyError(await t.gql(REQUEST_RESET, { email: person.email }));
    expect(limited.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });
});

describe('mail without SMTP_URL (development)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: '' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes each mail to DATA_DIR/mail as an .eml file, whose link verifies the address', async () => {
    const email = 'file-mail@mail.example';
    const res = await t.gql(REGISTER, { input: { email, password: PASSWORD, name: 'File Mail', country: 'DE' } });
    expect(res.errors).toBeUndefined();
    const dir = path.join(t.config.dataDir, 'mail');
    let files: string[] = [];
    for (let i = 0; i < 100 && files.length === 0; i++) {
      files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.eml')) : [];
      if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, files[0])));
    expect(parsed.subject).toBe('Verify your email address for TradeGraph');
    const link = /https:\/\/app\.tradegraph\.test\/verify-email\?token=\S+/.exec(parsed.text ?? '')![0];
    const verified = await t.gql(VERIFY, { token: new URL(link).searchParams.get('token') });
    expect(verified.data!.verifyEmail.id).toBe(res.data!.register.person.id);
    expect(t.mail.pending()).toHaveLength(0);
  });
});
