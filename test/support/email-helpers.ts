/**
 * Shared by the email-flow tests (test/accounts-email*.e2e-spec.ts): the GraphQL operations, reading
 * links from the test SMTP server, and moving a mailed token's expiry into the past instead of waiting.
 */
import { createHash } from 'node:crypto';
import { AccountToken } from '#tradegraph/accounts';
import { TestApp } from './test-app.js';
import { tokenOf } from './test-mailbox.js';

export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken person { id } }
}`;
export const VERIFY = `mutation Verify($token: String!) { verifyEmail(token: $token) { id name } }`;
export const RESEND = `mutation { resendVerificationEmail }`;
export const REQUEST_RESET = `mutation Request($email: String!) { requestPasswordReset(email: $email) }`;
export const RESET = `mutation Reset($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword) { accessToken refreshToken person { id } }
}`;
export const CHANGE_PASSWORD = `mutation Change($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;
export const CHANGE_EMAIL = `mutation ChangeEmail($newEmail: String!, $password: String!) {
  changeEmail(newEmail: $newEmail, password: $password)
}`;
export const EMAIL_VERIFIED = `query { me { emailVerified } }`;
export const LOGOUT_EVERYWHERE = `mutation { logoutEverywhere }`;
export const END_SESSION = `mutation End($id: ID!) { endSession(id: $id) }`;
export const SESSIONS = `query { me { id emailVerified sessions(first: 100) {
  totalCount edges { node { id createdAt lastUsedAt userAgent address current } }
} } }`;

/** The token of the next mail to `to` whose subject starts with `subject`. */
export async function mailedToken(t: TestApp, to: string, subject: string): Promise<string> {
  return tokenOf(await t.mail.take(to, (mail) => mail.subject.startsWith(subject)));
}

/** Pretends the mailed token expired `seconds` ago. */
export async function expireToken(t: TestApp, token: string, seconds = 1): Promise<void> {
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const result = await t.sql
    .getRepository(AccountToken)
    .update({ tokenHash }, { expiresAt: new Date(Date.now() - seconds * 1000) });
  expect(result.affected).toBe(1);
}

/**
 * Makes the SQL database refuse to store mailed tokens of one account (a trigger), so the work behind
 * a mail fails; returns what removes the trigger again.
 */
export async function refuseTokensOf(t: TestApp, accountId: string): Promise<() => Promise<void>> {
  if (!/^[\w-]+$/.test(accountId)) throw new Error(`not an id: ${accountId}`);
  if (t.sql.options.type === 'postgres') {
    await t.sql.query(`CREATE FUNCTION refuse_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.account_id = '${accountId}' THEN RAISE EXCEPTION 'tokens refused'; END IF; RETURN NEW; END $$`);
    await t.sql.query(
      'CREATE TRIGGER refuse_tokens BEFORE INSERT ON account_tokens FOR EACH ROW EXECUTE FUNCTION refuse_tokens()',
    );
    return async () => {
      await t.sql.query('DROP TRIGGER refuse_tokens ON account_tokens');
      await t.sql.query('DROP FUNCTION refuse_tokens()');
    };
  }
  await t.sql.query(`CREATE TRIGGER refuse_tokens BEFORE INSERT ON account_tokens
    WHEN NEW.account_id = '${accountId}' BEGIN SELECT RAISE(ABORT, 'tokens refused'); END`);
  return async () => {
    await t.sql.query('DROP TRIGGER refuse_tokens');
  };
}
