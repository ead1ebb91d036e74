import { HttpException, HttpStatus } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DomainError, RateLimitedError } from './domain-error.js';
import type { ErrorCode } from './error-code.js';

/** Neo4j driver codes meaning the database could not be reached. */
const NEO4J_UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);
/** Socket-level codes from the SQL drivers meaning the database could not be reached. */
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P03']);
/** Neo4j server codes of a transaction stopped by its time limit (or terminated while it waited for a lock). */
const NEO4J_TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.LockClientStopped',
]);
/** Seconds a client should wait before retrying: a restart of the database takes a while, a busy pool less. */
const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
const RETRY_AFTER_BUSY_SECONDS = 2;

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_USER_INPUT',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'BAD_USER_INPUT',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

export interface MappedError {
  error: GraphQLError;
  /** True when the error was unexpected and should be logged with its details. */
  unexpected: boolean;
}

/**
 * Translates any thrown value into a client-safe GraphQLError. Only DomainError messages
 * pass through; everything else is reduced to a generic message so that no stack trace,
 * driver or SQL text reaches a client. A rate-limit refusal over HTTP also sets status 429 and
 * Retry-After; over a websocket there is no HTTP response to set them on.
 */
export function toGraphQLError(exception: unknown, transport: 'http' | 'websocket' = 'http'): MappedError {
  if (exception instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: exception.code };
    if (exception.field !== undefined) extensions.field = exception.field;
    if (exception instanceof RateLimitedError) {
      extensions.retryAfterSeconds = exception.retryAfterSeconds;
      // Apollo Server turns `http` into the response status and headers, and removes it from the error.
      if (transport === 'http') extensions.http = rateLimitedHttp(exception.retryAfterSeconds);
    }
    return { error: new GraphQLError(exception.message, { extensions }), unexpected: false };
  }
  if (exception instanceof GraphQLError) {
    const code = exception.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { error: exception, unexpected: false };
  }
  if (exception instanceof HttpException) {
    const code = HTTP_CODES[exception.getStatus()];
    if (code === 'UNAUTHENTICATED') {
      return {
        error: new GraphQLError('A valid access token is required.', { extensions: { code } }),
        unexpected: false,
      };
    }
    if (code !== undefined) {
      return { error: new GraphQLError(safeHttpMessage(exception), { extensions: { code } }), unexpected: false };
    }
  }
  const errorCode = (exception as { code?: unknown } | null)?.code;
  if (typeof errorCode === 'string' && (NEO4J_UNAVAILABLE.has(errorCode) || SOCKET_UNAVAILABLE.has(errorCode))) {
    return unavailable('A database is unavailable; please retry shortly.', RETRY_AFTER_UNAVAILABLE_SECONDS);
  }
  if (isNeo4jBusy(exception, errorCode)) {
    return unavailable('The graph database is busy; please retry shortly.', RETRY_AFTER_BUSY_SECONDS);
  }
  return {
    error: new GraphQLError('Internal server error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    unexpected: true,
  };
}

function rateLimitedHttp(retryAfterSeconds: number): { status: number; headers: Map<string, string> } {
  return { status: HttpStatus.TOO_MANY_REQUESTS, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
}

function unavailable(message: string, retryAfterSeconds: number): MappedError {
  return {
    error: new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds } }),
    unexpected: true,
  };
}

/**
 * Neo4j overload: no pooled connection in time (the driver gives this error no code of its own,
 * only its message), a transaction over its time limit, or a transient error that outlasted the retries.
 */
function isNeo4jBusy(exception: unknown, code: unknown): boolean {
  if (typeof code !== 'string') return false;
  if (NEO4J_TIMED_OUT.has(code) || code.startsWith('Neo.TransientError.')) return true;
  const message = exception instanceof Error ? exception.message : '';
  return code === 'N/A' && message.startsWith('Connection acquisition timed out');
}

function safeHttpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : exception.message;
}
