import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLContext } from './graphql-context.js';
import { RequestLoaders } from './request-loaders.js';

/** Injects the current request's DataLoaders into a resolver method. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestLoaders =>
    GqlExecutionContext.create(context).getContext<GraphQLContext>().loaders,
);
