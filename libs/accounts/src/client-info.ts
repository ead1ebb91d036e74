import type { GraphQLContext } from '#tradegraph/common';
import type { ClientInfo } from './tokens.service.js';

/** The User-Agent and client address (req.ip, which honours TRUST_PROXY) of a GraphQL request. */
export function clientInfo(context: GraphQLContext | undefined): ClientInfo {
  const request = context?.req;
  const userAgent = request?.headers?.['user-agent'];
  return { userAgent: typeof userAgent === 'string' ? userAgent : null, address: request?.ip ?? null };
}
