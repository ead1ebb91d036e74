import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { AuthUser, forbidden, IS_PUBLIC, REQUIRES_VERIFIED_EMAIL, unauthenticated } from '#tradegraph/common';
import { Request } from 'express';

/**
 * Global guard: every GraphQL operation and HTTP route needs a valid access token unless marked
 * @Public(); those marked @RequiresVerifiedEmail() also need a verified email address.
 */
@Injectable()
export class GqlAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const user = this.getRequest(context).user as AuthUser | undefined;
    if (this.reflector.getAllAndOverride<boolean>(REQUIRES_VERIFIED_EMAIL, targets) && !user?.emailVerified) {
      throw forbidden(
        'Verify your email address first: follow the link in the mail we sent (resendVerificationEmail sends another).',
      );
    }
    return true;
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
