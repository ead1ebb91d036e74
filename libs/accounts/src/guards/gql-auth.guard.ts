import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC, unauthenticated } from '#tradegraph/common';
import { Request } from 'express';

/** Global guard: every GraphQL operation and HTTP route needs a valid access token unless marked @Public(). */
@Injectable()
export class GqlAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override getRequest(context: ExecutionContext): Request {
    if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
    return context.switchToHttp().getRequest();
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw unauthenticated();
    return user;
  }
}
