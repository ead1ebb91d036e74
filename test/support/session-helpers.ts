/**
 * Shared by the session tests (test/accounts-sessions*.e2e-spec.ts): the GraphQL operations, token
 * inspection, and moving a refresh token's first use into the past instead of waiting.
 */
import { createHash } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { RefreshToken } from '#tradegraph/accounts';
import { TEST_JWT_SECRET, TestApp } from './test-app.js';

export const REFRESH = `mutation Refresh($token: String!) {
  refreshToken(refreshToken: $token) { accessToken refreshToken person { id } }
}`;
export const LOGOUT = `mutation Logout($token: String!) { logout(refreshToken: $token) }`;
export const DELETE = `mutation Delete($password: String!) { deleteAccount(password: $password) }`;
export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
export const ME = `query { me { id } }`;

/** The claims of an access token, read without verifying it. */
export const claimsOf = (token: string): { sub: string; sid: string; exp: number } =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/** An access token signed like the service signs them, for the given claims (e.g. a near expiry). */
export const signAccess = (claims: Record<string, unknown>) => new JwtService({ secret: TEST_JWT_SECRET }).sign(claims);

/** Pretends the refresh token was first used `seconds` ago (the grace window is measured from then). */
export async function firstUsedAgo(t: TestApp, refreshToken: string, seconds: number): Promise<void> {
  const tokenHash = createHash('sha256').update(refreshToken).digest('hex');
  const result = await t.sql
    .getRepository(RefreshToken)
    .update({ tokenHash }, { usedAt: new Date(Date.now() - seconds * 1000) });
  expect(result.affected).toBe(1);
}
