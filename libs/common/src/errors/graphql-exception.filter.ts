import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { Response } from 'express';
import { GraphQLError } from 'graphql';
import { RateLimitedError } from './domain-error.js';
import { toGraphQLError } from './to-graphql-error.js';

/**
 * The one place where errors become client responses. GraphQL resolvers get a GraphQLError
 * with `extensions.code`; plain HTTP routes get a small JSON body. Unexpected errors are logged
 * here with their details and reach the client only as a generic message.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() === 'graphql') {
      // A websocket operation's context has no HTTP response (see the GraphQL context in app.module.ts).
      const overHttp = GqlArgumentsHost.create(host).getContext<{ res?: unknown }>()?.res !== undefined;
      const { error, unexpected } = toGraphQLError(exception, overHttp ? 'http' : 'websocket');
      // GraphQL errors are logged once, by formatGraphQLError, which sees the original exception.
      return unexpected ? withOriginal(error, exception) : error;
    }
    const { error, unexpected } = toGraphQLError(exception);
    if (unexpected) this.logger.error(describe(exception));

    const response = host.switchToHttp().getResponse<Response>();
    let status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (exception instanceof RateLimitedError) {
      status = 429;
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(status).json({ code: error.extensions.code, message: error.message });
  }
}

function describe(exception: unknown): string {
  if (exception instanceof Error) return `${exception.name}: ${exception.message}\n${exception.stack ?? ''}`;
  return String(exception);
}

/** Keeps the original exception on the client-safe error so that the formatter can log it. */
function withOriginal(error: GraphQLError, exception: unknown): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: error.extensions,
    originalError: exception instanceof Error ? exception : undefined,
  });
}
