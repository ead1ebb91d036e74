import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQL');

const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo's last word on every error: keeps the code, the message of known codes, the field
 * at fault and the path, and drops everything else (stack traces, exception objects).
 * Unknown errors are logged with their details here, since the client sees none of them.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  const known = PASS_THROUGH.has(code);
  if (!known || code === 'SERVICE_UNAVAILABLE') logger.error(describe(error, formatted));
  const extensions: Record<string, unknown> = { code: known ? code : 'INTERNAL_SERVER_ERROR' };
  if (known && typeof formatted.extensions?.field === 'string') extensions.field = formatted.extensions.field;
  const retryAfter = formatted.extensions?.retryAfterSeconds;
  if (code === 'SERVICE_UNAVAILABLE' && typeof retryAfter === 'number') extensions.retryAfterSeconds = retryAfter;
  return {
    message: known ? formatted.message : 'Internal server error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

function describe(error: unknown, formatted: GraphQLFormattedError): Record<string, unknown> {
  let original = error;
  while ((original as { originalError?: unknown } | undefined)?.originalError) {
    original = (original as { originalError: unknown }).originalError;
  }
  const details =
    original instanceof Error ? { error: original.message, stack: original.stack } : { error: String(original) };
  return { msg: 'unexpected error', path: formatted.path?.join('.'), ...details };
}
