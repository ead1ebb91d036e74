import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { GraphQLError } from 'graphql';
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
    const { error, unexpected } = toGraphQLError(exception);
    // GraphQL errors are logged once, by formatGraphQLError, which sees the original exception.
    if (host.getType<string>() === 'graphql') return unexpected ? withOriginal(error, exception) : error;
    if (unexpected) this.logger.error(describe(exception));

    const response = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
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
