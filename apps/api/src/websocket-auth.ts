import type { TokensService } from '#tradegraph/accounts';
import type { AuthUser } from '#tradegraph/common';

/** What graphql-ws keeps per connection; onConnect adds the authenticated user and their token. */
export interface SocketExtra {
  user?: AuthUser;
  /** `Bearer <token>`, checked again by the auth guard for every query and mutation on the socket. */
  authorization?: string;
}

/** The access token of a connection_init payload: `{ authorization: 'Bearer …' }` or `{ accessToken }`. */
function tokenOf(params: Record<string, unknown> | undefined): string | null {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? match[1] : null;
  }
  return typeof params?.accessToken === 'string' ? params.accessToken : null;
}

/**
 * graphql-ws onConnect: accepts the connection only with a valid access token of an existing account
 * (false makes graphql-ws close it with 4403 Forbidden), and remembers the user for every operation.
 */
export async function authenticateSocket(
  tokens: TokensService,
  ctx: { connectionParams?: Record<string, unknown>; extra: unknown },
): Promise<boolean> {
  const token = tokenOf(ctx.connectionParams);
  const user = token ? await tokens.verifyAccessToken(token) : null;
  if (!user) return false;
  Object.assign(ctx.extra as SocketExtra, { user, authorization: `Bearer ${token}` });
  return true;
}
