import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '#tradegraph/common';
import type { AuthUser, GraphQLContext } from '#tradegraph/common';
import { PeopleService } from '#tradegraph/people';
import { clientInfo } from './client-info.js';
import { AuthPayload } from './models/auth-payload.model.js';
import { PasswordService } from './password.service.js';

const POLICY = 'at least 10 characters, not one of the 10,000 most common passwords, not the email address';

@Resolver()
export class PasswordResolver {
  constructor(
    private readonly passwords: PasswordService,
    private readonly people: PeopleService,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Mails a password-reset link, valid for 30 minutes and usable once, when the address is an account’s. Always true, answered before any work that depends on the address (looking it up, issuing the link, mailing), so neither the answer nor its time tells whether an address has an account. Errors: RATE_LIMITED (too many asked for from this address, with `retryAfterSeconds`).',
  })
  requestPasswordReset(@Args('email', { description: 'The account’s email address.' }) email: string): Promise<true> {
    return this.passwords.requestReset(email);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: `Sets a new password (${POLICY}) by the token of a reset link, ends every session of the account, cancels a pending email change and signs in with a new one. Errors: BAD_USER_INPUT (the token is invalid, expired or used, or the password is refused, with \`field\`).`,
  })
  async resetPassword(
    @Args('token', { description: 'The `token` parameter of the mailed link.' }) token: string,
    @Args('newPassword', { description: 'The new password.' }) newPassword: string,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayload> {
    const { user, ...tokens } = await this.passwords.reset(token, newPassword, clientInfo(context));
    return { ...tokens, person: await this.people.get(user.id) };
  }

  @Mutation(() => Boolean, {
    description: `Changes the password (${POLICY}); every other session of the account ends and a pending email change is cancelled. Errors: UNAUTHENTICATED (the current password is incorrect), BAD_USER_INPUT (the new password is refused, with \`field\`).`,
  })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Args('currentPassword', { description: 'The account’s current password.' }) currentPassword: string,
    @Args('newPassword', { description: 'The new password.' }) newPassword: string,
  ): Promise<boolean> {
    return this.passwords.change(user, currentPassword, newPassword);
  }
}
