import { createHash } from 'node:crypto';
import { AuditLogEntry } from '#tradegraph/accounts';
import { HTTP_LOGGER, HttpLogger } from '#tradegraph/common';
import { pino } from 'pino';
import { newPerson } from './support/factories.js';
import { expectRateLimited, RawResponse, send } from './support/rate-limit-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken person { id } } }`;
const WRONG = 'not the password at all';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A refusal's code, message and wait, or the outcome of a checked password: what a client can tell apart. */
function outcome(res: RawResponse): unknown {
  const error = res.errors?.[0];
  if (!error) return { status: res.status, loggedIn: true };
  return { status: res.status, code: error.extensions.code, message: error.message, retry: res.retryAfter };
}

/**
 * The login lockout with a short lockout and delay of its own: 4 failures per email lock it for
 * 3 seconds, with waits of 1 s and 2 s after the second and third; 6 failures from one address lock
 * the address.
 */
describe('login lockout', () => {
  let t: TestApp;
  let addressCount = 0;
  const newAddress = () => `192.0.2.${++addressCount}`;
  const login = (email: string, password: string, from: string) =>
    send(t, LOGIN, { input: { email, password } }, { from });
  const failedLogins = () => t.sql.getRepository(AuditLogEntry).find({ where: { action: 'loginFailed' } });

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '4/1m',
      RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '6/1m',
      RATE_LIMIT_LOGIN_LOCKOUT: '3s',
      RATE_LIMIT_LOGIN_DELAY: '1s',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Fails 4 times (waiting out the delays, which refuse even the right password), is locked out
   * (refused even with the right password), and logs in after the lockout ends.
   */
  async function lockOutAndRecover(email: string, password: string) {
    const from = newAddress();
    const seen: unknown[] = [];
    const attempt = async (pass: string) => {
      const res = await login(email, pass, from);
      seen.push(outcome(res));
      return res;
    };
    await attempt(WRONG);
    await attempt(WRONG);
    expect(expectRateLimited(await attempt(password), /^Too many failed login attempts; try again in 1 s/)).toBe(1);
    await sleep(1100);
    await attempt(WRONG);
    expect(expectRateLimited(await attempt(password))).toBe(2);
    await sleep(2100);
    await attempt(WRONG);
    const locked = expectRateLimited(await attempt(password), /^Too many failed login attempts/);
    expect(locked).toBe(3);
    const refusedAt = Date.now();
    await attempt(WRONG);
    await sleep(3100 - (Date.now() - refusedAt));
    const after = await attempt(password);
    return { seen, after };
  }

  it('delays and then locks out an email; the right password works again after the lockout', async () => {
    const person = await newPerson(t);
    const { seen, after } = await lockOutAndRecover(person.email, person.password);
    const wrong = { status: 200, code: 'UNAUTHENTICATED', message: 'The email or password is incorrect.' };
    expect(seen.slice(0, 2)).toEqual([
      { ...wrong, retry: undefined },
      { ...wrong, retry: undefined },
    ]);
    expect(seen[2]).toEqual(expect.objectContaining({ status: 429, code: 'RATE_LIMITED', retry: '1' }));
    expect(after.errors).toBeUndefined();
    expect(after.data!.login.person.id).toBe(person.id);
  });

  it('gives an unknown email exactly the same answers as an account with a wrong password', async () => {
    const person = await newPerson(t);
    const [known, unknown] = await Promise.all([
      lockOutAndRecover(person.email, WRONG),
      lockOutAndRecover(`nobody-${Date.now()}@test.example`, WRONG),
    ]);
    expect(unknown.seen).toEqual(known.seen);
    expect(outcome(unknown.after)).toEqual(outcome(known.after));
  });

  it('refuses a locked email without checking its password, and does not lock out another account', async () => {
    const [victim, other] = [await newPerson(t), await newPerson(t)];
    const from = newAddress();
    // Failures 2 and 3 are followed by waits of 1 s and 2 s; the fourth locks the email out.
    for (const wait of [0, 1100, 2100, 0]) {
      expect((await login(victim.email, WRONG, from)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      await sleep(wait);
    }
    const before = (await failedLogins()).length;
    // The right password, in another letter case: refused, and no failure recorded, so it was not checked.
    expectRateLimited(await login(victim.email.toUpperCase(), victim.password, from), /^Too many failed login/);
    expect(await failedLogins()).toHaveLength(before);
    const res = await login(other.email, other.password, from);
    expect(res.errors).toBeUndefined();
  });

  it('counts wrong passwords given to changePassword, changeEmail and deleteAccount on the same lockout', async () => {
    const person = await newPerson(t);
    const signedIn = (query: string, variables: Record<string, unknown>) =>
      send(t, query, variables, { token: person.token, from: newAddress() });
    const change = (currentPassword: string) =>
      signedIn('mutation C($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', {
        c: currentPassword,
        n: 'another long passphrase',
      });
    const changeEmail = () =>
      signedIn('mutation E($e: String!, $p: String!) { changeEmail(newEmail: $e, password: $p) }', {
        e: `new-${Date.now()}@test.example`,
        p: WRONG,
      });
    const guesses = [
      () => change(WRONG),
      changeEmail,
      () => signedIn('mutation D($p: String!) { deleteAccount(password: $p) }', { p: WRONG }),
      () => change(WRONG),
    ];
    // The same waits as for login: 1 s after the second failure, 2 s after the third; the fourth locks.
    for (const [index, guess] of guesses.entries()) {
      expect((await guess()).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      await sleep([0, 1100, 2100, 0][index]);
    }
    expectRateLimited(await change(person.password), /^Too many failed login attempts/);
    expectRateLimited(await login(person.email, person.password, newAddress()), /^Too many failed login attempts/);
    const audited = await t.sql
      .getRepository(AuditLogEntry)
      .find({ where: { action: 'passwordConfirmationFailed', actorId: person.id } });
    expect(audited.map((entry) => JSON.parse(entry.details).consecutiveFailures).sort()).toEqual([1, 2, 3, 4]);
    await sleep(3100);
    expect((await change(person.password)).data).toEqual({ changePassword: true });
  });

  it('locks out a client address after its own number of failures, whatever the emails', async () => {
    const person = await newPerson(t);
    const from = newAddress();
    for (let i = 0; i < 6; i++) {
      const res = await login(`guess-${i}-${Date.now()}@test.example`, WRONG, from);
      expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await login(person.email, person.password, from), /^Too many failed login attempts/);
    const elsewhere = await login(person.email, person.password, newAddress());
    expect(elsewhere.errors).toBeUndefined();
  });

  it('records each failed login in the audit log and a warn log line, without the password or the email', async () => {
    const person = await newPerson(t);
    const unknownEmail = `Stranger-${Date.now()}@Test.example`;
    const from = newAddress();
    const lines: string[] = [];
    // Keep a copy of what the application's JSON logger writes (to stdout) while the logins run, taken
    // from the logger's own destination: pino writes to file descriptor 1 without process.stdout.write.
    const logger = t.app.get<symbol, HttpLogger>(HTTP_LOGGER).logger as unknown as Record<symbol, unknown>;
    const destination = logger[pino.symbols.streamSym] as { write(chunk: string): boolean };
    const write = destination.write;
    destination.write = (chunk: string) => {
      lines.push(String(chunk));
      return write.call(destination, chunk);
    };
    try {
      await login(person.email, WRONG, from);
      await login(unknownEmail, WRONG, from);
    } finally {
      destination.write = write;
    }

    const entries = (await failedLogins()).filter((entry) => JSON.parse(entry.details).address === from);
    const details = entries.map((entry) => ({ ...entry, details: JSON.parse(entry.details) }));
    const hash = createHash('sha256').update(unknownEmail.toLowerCase()).digest('hex');
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorId: null,
          targetId: person.id,
          details: { address: from, consecutiveFailures: 1 },
        }),
        expect.objectContaining({
          actorId: null,
          targetId: null,
          details: { emailHash: hash, address: from, consecutiveFailures: 1 },
        }),
      ]),
    );
    expect(details).toHaveLength(2);

    const warnings = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'login failed');
    expect(warnings).toEqual([
      expect.objectContaining({ level: 'warn', context: 'Auth', accountId: person.id, address: from }),
      expect.objectContaining({ level: 'warn', context: 'Auth', emailHash: hash, address: from }),
    ]);
    for (const text of [...lines, ...entries.map((entry) => entry.details)]) {
      expect(text).not.toContain(WRONG);
      expect(text.toLowerCase()).not.toContain(person.email.toLowerCase());
      expect(text.toLowerCase()).not.toContain(unknownEmail.toLowerCase());
    }
  });
});
