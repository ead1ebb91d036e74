import { createGraphiQLFetcher, Fetcher, FetcherOpts, FetcherParams } from '@graphiql/toolkit';
import { Client, createClient } from 'graphql-ws';

/** The bearer token of the headers editor, else the one from the demo login. */
function authorizationOf(headers: FetcherOpts['headers'], fallbackToken: () => string | null): string | null {
  const fromEditor = headers?.Authorization ?? headers?.authorization;
  if (typeof fromEditor === 'string' && fromEditor.trim() !== '') return fromEditor;
  const token = fallbackToken();
  return token ? `Bearer ${token}` : null;
}

/**
 * Queries and mutations over HTTP (JSON POST, which passes the API's CSRF protection), subscriptions
 * over graphql-ws on the same path. The token travels as the Authorization header over HTTP and in
 * connection_init over the socket; one socket per token, so a new login opens a new connection.
 */
export function createFetcher(token: () => string | null): Fetcher {
  const url = new URL('/graphql', window.location.href);
  const wsUrl = url.href.replace(/^http/, 'ws');
  const sockets = new Map<string, Client>();
  const socketFor = (authorization: string | null): Client => {
    const key = authorization ?? '';
    let client = sockets.get(key);
    if (!client) {
      client = createClient({ url: wsUrl, connectionParams: authorization ? { authorization } : {}, lazy: true });
      sockets.set(key, client);
    }
    return client;
  };
  return (params: FetcherParams, opts?: FetcherOpts) => {
    const authorization = authorizationOf(opts?.headers, token);
    const headers = { ...(opts?.headers ?? {}), ...(authorization ? { Authorization: authorization } : {}) };
    const fetcher = createGraphiQLFetcher({ url: url.href, wsClient: socketFor(authorization) });
    return fetcher(params, { ...opts, headers });
  };
}
