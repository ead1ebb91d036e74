import type { TokensService } from '#tradegraph/accounts';
import type { AuthUser } from '#tradegraph/common';
import type { ClosableSocket, LiveSessions } from './live-sessions.js';

/** What graphql-ws keeps per connection (`socket` from graphql-ws/use/ws); onConnect adds the user and their token. */
export interface SocketExtra {
  socket: ClosableSocket;
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
 * graphql-ws onConnect: accepts the connection only with a valid access token of an active session
 * (false makes graphql-ws close it with 4403 Forbidden), remembers the user for every operation, and
 * has the connection closed once the token expires or the session ends.
 *
 * The session is checked again once the connection is tracked: a logout (or deletion) that lands
 * between the first check and the tracking announces its end before anyone listens for this
 * connection, so only the second check, which reads the session after it is stored as ended, sees it.
 */
export async function authenticateSocket(
  tokens: TokensService,
  live: LiveSessions,
  ctx: { connectionParams?: Record<string, unknown>; extra: unknown },
): Promise<boolean> {
  const token = tokenOf(ctx.connectionParams);
  const access = token ? await tokens.verifyAccessToken(token) : null;
  if (!access) return false;
  const extra = ctx.extra as SocketExtra;
  live.track(extra.socket, access);
  // Refused here, graphql-ws closes the socket, which stops its tracking.
  if (!(await tokens.verifyAccessToken(token!))) return false;
  Object.assign(extra, { user: access.user, authorization: `Bearer ${token}` });
  return true;
}
