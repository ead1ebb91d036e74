import { JwtService } from '@nestjs/jwt';
import { AuditLogEntry } from '#tradegraph/accounts';
import { newPerson } from './support/factories.js';
import { claimsOf, firstUsedAgo } from './support/session-helpers.js';
import { createTestApp, onlyError, TEST_JWT_SECRET, TestApp } from './support/test-app.js';

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken expiresIn person { id name headline country } }
}`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken person { id } } }`;
const REFRESH = `mutation Refresh($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken person { id } } }`;
const LOGOUT = `mutation Logout($token: String!) { logout(refreshToken: $token) }`;
const ME = `query { me { id name } }`;

const validInput = (overrides: Record<string, unknown> = {}) => ({
  email: `Someone.${Math.random().toString(36).slice(2)}@Example.com`,
  password: 'a long enough password',
  name: '  Grace Hopper  ',
  headline: 'Procurement lead',
  country: 'us',
  ...overrides,
});

describe('accounts and auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const countAccounts = async () => Number((await t.sql.query('SELECT COUNT(*) AS n FROM accounts'))[0].n);
  const countPeople = async () => (await t.neo4j.read<{ n: number }>('MATCH (p:Person) RETURN count(p) AS n'))[0].n;

  it('registers an account with its person and signs in', async () => {
    const res = await t.gql(REGISTER, { input: validInput() });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.register;
    expect(payload.person).toEqual({
      id: expect.any(String),
      name: 'Grace Hopper',
      headline: 'Procurement lead',
      country: 'US',
    });
    expect(payload.expiresIn).toBe(900);
    const me = await t.gql(ME, {}, payload.accessToken);
    expect(me.data!.me).toEqual({ id: payload.person.id, name: 'Grace Hopper' });
    const [row] = await t.sql.query(
      'SELECT password_hash FROM accounts WHERE id = $1'.replace('$1', `'${payload.person.id}'`),
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('treats emails as unique regardless of letter case (CONFLICT, nothing stored)', async () => {
    const input = validInput();
    expect((await t.gql(REGISTER, { input })).errors).toBeUndefined();
    const [accountsBefore, peopleBefore] = [await countAccounts(), await countPeople()];
    const res = await t.gql(REGISTER, { input: { ...input, email: input.email.toUpperCase() } });
    expect(onlyError(res).extensions).toEqual({ code: 'CONFLICT', field: 'input.email' });
    expect([await countAccounts(), await countPeople()]).toEqual([accountsBefore, peopleBefore]);
  });

  it.each([
    [{ email: 'not-an-email' }, 'input.email'],
    [{ password: 'short' }, 'input.password'],
    [{ name: '   ' }, 'input.name'],
    [{ name: 'x'.repeat(101) }, 'input.name'],
    [{ headline: 'x'.repeat(201) }, 'input.headline'],
    [{ country: 'XX' }, 'input.country'],
    [{ country: 'Germany' }, 'input.country'],
  ])('rejects %p with BAD_USER_INPUT on %s and stores nothing', async (overrides, field) => {
    const [accountsBefore, peopleBefore] = [await countAccounts(), await countPeople()];
    const res = await t.gql(REGISTER, { input: validInput(overrides) });
    expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(res.data).toBeNull();
    expect([await countAccounts(), await countPeople()]).toEqual([accountsBefore, peopleBefore]);
  });

  it('logs in with any letter case of the email, and refuses a wrong password or unknown email', async () => {
    const person = await newPerson(t);
    const ok = await t.gql(LOGIN, { input: { email: person.email.toUpperCase(), password: person.password } });
    expect(ok.data!.login.person.id).toBe(person.id);
    const wrong = await t.gql(LOGIN, { input: { email: person.email, password: 'wrong password!' } });
    expect(onlyError(wrong).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(wrong).message).toBe('The email or password is incorrect.');
    const unknown = await t.gql(LOGIN, { input: { email: 'nobody@test.example', password: 'whatever123' } });
    expect(onlyError(unknown).message).toBe('The email or password is incorrect.');
  });

  it('rotates refresh tokens, and reusing a rotated one after the grace window revokes the whole family', async () => {
    const person = await newPerson(t);
    const first = await t.gql(REFRESH, { token: person.refreshToken });
    expect(first.errors).toBeUndefined();
    const second = first.data!.refreshToken.refreshToken;
    expect(second).not.toBe(person.refreshToken);
    expect((await t.gql(ME, {}, first.data!.refreshToken.accessToken)).data!.me.id).toBe(person.id);

    // The old token again, long after its first use: reuse detected, and the newest token of the family dies with it.
    await firstUsedAgo(t, person.refreshToken, 60);
    const reuse = await t.gql(REFRESH, { token: person.refreshToken });
    expect(onlyError(reuse).extensions.code).toBe('UNAUTHENTICATED');
    const afterReuse = await t.gql(REFRESH, { token: second });
    expect(onlyError(afterReuse).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('gives every one of several concurrent refreshes with the same token a pair in the same session', async () => {
    const person = await newPerson(t);
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql(REFRESH, { token: person.refreshToken })));
    expect(results.filter((res) => !res.errors)).toHaveLength(5);
    const tokens = results.map((res) => res.data!.refreshToken.refreshToken);
    expect(new Set(tokens).size).toBe(5);
  });

  it('stores refresh tokens hashed, never in clear', async () => {
    const person = await newPerson(t);
    const rows = await t.sql.query('SELECT token_hash FROM refresh_tokens');
    expect(rows.map((row: { token_hash: string }) => row.token_hash)).not.toContain(person.refreshToken);
    expect(rows.every((row: { token_hash: string }) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('logout ends the session: its refresh and access tokens stop working; someone else’s token is not touched', async () => {
    const person = await newPerson(t);
    const other = await newPerson(t);
    expect((await t.gql(LOGOUT, { token: other.refreshToken }, person.token)).data!.logout).toBe(false);
    expect((await t.gql(LOGOUT, { token: person.refreshToken }, person.token)).data!.logout).toBe(true);
    expect(onlyError(await t.gql(REFRESH, { token: person.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await t.gql(ME, {}, person.token)).extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { token: other.refreshToken })).errors).toBeUndefined();
  });

  it('requires an access token for everything but register, login and refreshToken', async () => {
    const person = await newPerson(t);
    expect(onlyError(await t.gql(ME)).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await t.gql(ME, {}, 'not-a-jwt')).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await t.gql(LOGOUT, { token: person.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    const updated = await t.gql(`mutation { updateProfile(input: { name: "x" }) { id } }`);
    expect(onlyError(updated).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an access token signed with another secret, or expired', async () => {
    const person = await newPerson(t);
    const { sid } = claimsOf(person.token);
    const forged = new JwtService({ secret: 'another-secret-that-is-also-32-characters-long!' }).sign({
      sub: person.id,
      sid,
    });
    expect(onlyError(await t.gql(ME, {}, forged)).extensions.code).toBe('UNAUTHENTICATED');
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign({
      sub: person.id,
      sid,
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    expect(onlyError(await t.gql(ME, {}, expired)).extensions.code).toBe('UNAUTHENTICATED');
    const valid = new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: person.id, sid });
    expect((await t.gql(ME, {}, valid)).data!.me.id).toBe(person.id);
  });

  it('writes an audit entry for each successful mutation, without secrets, and none for a rejected one', async () => {
    const input = validInput();
    const res = await t.gql(REGISTER, { input });
    const personId = res.data!.register.person.id;
    const updated = await t.gql(
      `mutation { updateProfile(input: { headline: "Buyer" }) { id } }`,
      {},
      res.data!.register.accessToken,
    );
    expect(updated.errors).toBeUndefined();
    await t.gql(`mutation { updateProfile(input: { country: "nowhere" }) { id } }`, {}, res.data!.register.accessToken);
    const entries = await t.sql
      .getRepository(AuditLogEntry)
      .find({ where: { actorId: personId }, order: { occurredAt: 'ASC' } });
    expect(entries.map((entry) => [entry.action, entry.targetId])).toEqual([
      ['register', personId],
      ['updateProfile', personId],
    ]);
    expect(entries[0].details).not.toContain(input.password);
    expect(JSON.parse(entries[0].details)).toMatchObject({ input: { password: '[redacted]' } });
  });

  it('never stores a password or token in the recorded arguments of login, refreshToken and logout', async () => {
    const person = await newPerson(t);
    const login = await t.gql(LOGIN, { input: { email: person.email, password: person.password } });
    const refreshed = await t.gql(REFRESH, { token: login.data!.login.refreshToken });
    const next = refreshed.data!.refreshToken;
    expect((await t.gql(LOGOUT, { token: next.refreshToken }, next.accessToken)).data!.logout).toBe(true);
    const secrets = [person.password, login.data!.login.refreshToken, next.refreshToken, next.accessToken];
    const entries = await t.sql.getRepository(AuditLogEntry).find({ where: { actorId: person.id } });
    expect(entries.map((entry) => entry.action).sort()).toEqual(['login', 'logout', 'refreshToken']);
    for (const entry of entries) {
      for (const secret of secrets) expect(entry.details).not.toContain(secret);
    }
  });
});
