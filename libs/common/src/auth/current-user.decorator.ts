import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../errors/domain-error.js';
import { GraphQLContext } from '../loaders/graphql-context.js';
import { AuthUser } from './auth-user.js';

/** Injects the authenticated caller; the global guard has already refused anonymous calls. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = GqlExecutionContext.create(context).getContext<GraphQLContext>().req.user;
  if (!user) throw unauthenticated();
  return user;
});
