import { GraphQLError } from 'graphql';
import { ConflictException, PayloadTooLargeException, UnauthorizedException } from '@nestjs/common';
import { badInput, DomainError, forbidden, rateLimited } from './domain-error.js';
import { formatGraphQLError } from './format-graphql-error.js';
import { toGraphQLError } from './to-graphql-error.js';

describe('toGraphQLError', () => {
  it('passes domain errors through with their code, message and field', () => {
    const { error, unexpected } = toGraphQLError(badInput('input.email', 'email must be valid'));
    expect(unexpected).toBe(false);
    expect(error.message).toBe('email must be valid');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
    expect(toGraphQLError(forbidden('no')).error.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('maps Nest HTTP exceptions to codes', () => {
    expect(toGraphQLError(new UnauthorizedException()).error.extensions.code).toBe('UNAUTHENTICATED');
    expect(toGraphQLError(new ConflictException('taken')).error.extensions.code).toBe('CONFLICT');
    expect(toGraphQLError(new PayloadTooLargeException()).error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('gives a rate-limit refusal a whole retryAfterSeconds, and over HTTP status 429 with Retry-After', () => {
    const overHttp = toGraphQLError(rateLimited(2.2)).error.extensions;
    expect(overHttp).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 3,
      http: { status: 429, headers: new Map([['retry-after', '3']]) },
    });
    expect(toGraphQLError(rateLimited(0.01), 'websocket').error.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 1,
    });
  });

  it('reports Neo4j and socket unavailability as SERVICE_UNAVAILABLE, judged by error code', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'ECONNREFUSED']) {
      const error = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:7687 (driver detail)'), { code });
      const mapped = toGraphQLError(error);
      expect(mapped.error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
      expect(mapped.error.message).not.toContain('10.0.0.1');
    }
  });

  it('reports a busy Neo4j (no pooled connection in time, transaction timeouts, transient errors) as SERVICE_UNAVAILABLE', () => {
    const busy = [
      ['N/A', 'Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 1, Idle conn count = 0.'],
      ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has been terminated.'],
      ['Neo.ClientError.Transaction.TransactionTimedOut', 'The transaction has not completed within the timeout.'],
      ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'The allocation of an extra 2 MiB would use more...'],
    ];
    for (const [code, message] of busy) {
      const mapped = toGraphQLError(Object.assign(new Error(message), { code }));
      expect(mapped.error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 });
      expect(mapped.error.message).toBe('The graph database is busy; please retry shortly.');
    }
    const otherDriverError = Object.assign(new Error('Pool is closed, it is no more able to serve requests.'), {
      code: 'N/A',
    });
    expect(toGraphQLError(otherDriverError).error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('hides everything about unexpected errors', () => {
    const neo4jError = Object.assign(new Error('Neo.ClientError.Statement.SyntaxError: MATCH (n:Secret)'), {
      code: 'Neo.ClientError.Statement.SyntaxError',
    });
    for (const thrown of [neo4jError, new TypeError('x is undefined'), 'a string', null]) {
      const { error, unexpected } = toGraphQLError(thrown);
      expect(unexpected).toBe(true);
      expect(error.message).toBe('Internal server error.');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    }
  });
});

describe('formatGraphQLError', () => {
  it('keeps code, field, message, path and locations of known errors and drops the rest', () => {
    const formatted = formatGraphQLError({
      message: 'name must be 1 to 100 characters',
      path: ['register'],
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name', stacktrace: ['Error: at /app/x.js'] },
    });
    expect(formatted).toEqual({
      message: 'name must be 1 to 100 characters',
      path: ['register'],
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
  });

  it('keeps the retryAfterSeconds of a rate-limit refusal', () => {
    const formatted = formatGraphQLError({
      message: 'Too many requests; please slow down.',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7, stacktrace: ['x'] },
    });
    expect(formatted.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 7 });
  });

  it('keeps the retry hint of SERVICE_UNAVAILABLE only', () => {
    const unavailable = formatGraphQLError(
      { message: 'busy', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } },
      new Error('x'),
    );
    expect(unavailable.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 });
    const other = formatGraphQLError({ message: 'no', extensions: { code: 'FORBIDDEN', retryAfterSeconds: 2 } });
    expect(other.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('turns an unknown code into a generic internal error', () => {
    const formatted = formatGraphQLError(
      { message: 'relation "accounts" does not exist', extensions: { code: 'SOMETHING_ELSE' } },
      new DomainError('INTERNAL_SERVER_ERROR', 'x'),
    );
    expect(formatted).toEqual({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  it('restores QUERY_TOO_COMPLEX with the limit for refused operations, from validation or the parser', () => {
    const refused = formatGraphQLError({
      message: 'Aliases limit of 15 exceeded, found 16.',
      locations: [{ line: 1, column: 1 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases', max: 15, other: 'dropped' },
    });
    expect(refused).toEqual({
      message: 'Aliases limit of 15 exceeded, found 16.',
      locations: [{ line: 1, column: 1 }],
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxAliases', max: 15 },
    });
    const tokens = formatGraphQLError({
      message: 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(tokens).toEqual({
      message: 'The operation has more than 2000 tokens.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens', max: 2000 },
    });
  });

  it('reports graphql-js giving up after 50 variable errors as BAD_USER_INPUT', () => {
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    expect(
      formatGraphQLError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error),
    ).toEqual({
      message: 'Too many invalid variable values; fix them and retry.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
