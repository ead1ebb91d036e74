import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { limitRefusal } from '../graphql/operation-limits.js';
import type { ErrorCode } from './error-code.js';

const logger = new Logger('GraphQL');

/** Codes whose message is safe to pass on; QUERY_TOO_COMPLEX is rebuilt by limitRefusal above. */
const PASS_THROUGH = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
] satisfies ErrorCode[]);

/**
 * Apollo's last word on every error: keeps the code, the message of known codes, the field at
 * fault, the wait of a rate-limit refusal and the path, and drops everything else (stack traces,
 * exception objects).
 * Unknown errors are logged with their details here, since the client sees none of them.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const refusal = limitRefusal(formatted);
  if (refusal) return { ...refusal, ...(formatted.locations ? { locations: formatted.locations } : {}) };
  if (tooManyVariableErrors(error)) {
    return { message: 'Too many invalid variable values; fix them and retry.', extensions: { code: 'BAD_USER_INPUT' } };
  }
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  const known = PASS_THROUGH.has(code);
  if (!known || code === 'SERVICE_UNAVAILABLE') logger.error(describe(error, formatted));
  const extensions: Record<string, unknown> = { code: known ? code : 'INTERNAL_SERVER_ERROR' };
  if (known && typeof formatted.extensions?.field === 'string') extensions.field = formatted.extensions.field;
  const retryAfter = formatted.extensions?.retryAfterSeconds;
  if (code === 'RATE_LIMITED' && Number.isInteger(retryAfter)) extensions.retryAfterSeconds = retryAfter;
  if (code === 'SERVICE_UNAVAILABLE' && typeof retryAfter === 'number') extensions.retryAfterSeconds = retryAfter;
  return {
    message: known ? formatted.message : 'Internal server error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

/** graphql-js stops coercing variables after 50 errors with this error, which has no code of its own. */
function tooManyVariableErrors(error: unknown): boolean {
  let original = error;
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  return original instanceof Error && original.message.startsWith('Too many errors processing variables');
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
