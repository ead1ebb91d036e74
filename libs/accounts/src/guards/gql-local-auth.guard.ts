import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { unauthenticated } from '#tradegraph/common';
import { Request } from 'express';

/** Runs the local (email + password) strategy on the `input` argument of the login mutation. */
@Injectable()
export class GqlLocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext): Request {
    const gql = GqlExecutionContext.create(context);
    const request = gql.getContext().req as Request;
    // passport-local reads the credentials from req.body. Apollo has already parsed the
    // GraphQL body by now, so the login input can take its place; passport then sets req.user.
    request.body = { ...(gql.getArgs().input ?? {}) };
    return request;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw unauthenticated('The email or password is incorrect.');
    return user;
  }
}
