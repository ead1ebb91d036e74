import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { badInput, CurrentUser, Public } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { isEmail } from 'class-validator';
import { EmailVerificationService } from './email-verification.service.js';

@Resolver()
export class EmailResolver {
  constructor(private readonly verification: EmailVerificationService) {}

  @Public()
  @Mutation(() => Person, {
    description:
      'Verifies an email address by the token of its mailed link (registration, resendVerificationEmail or changeEmail; the latter makes the new address the account’s and tells the old one). Each link works once, for 24 hours. Errors: BAD_USER_INPUT (the token is invalid, expired or used, with `field`), CONFLICT (the new address became another account’s meanwhile).',
  })
  verifyEmail(
    @Args('token', { description: 'The `token` parameter of the mailed link.' }) token: string,
  ): Promise<Person> {
    return this.verification.verify(token);
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a new verification link to the caller’s address; earlier links stop working. False when the address is already verified. Errors: RATE_LIMITED (too many asked for, with `retryAfterSeconds`).',
  })
  resendVerificationEmail(@CurrentUser() user: AuthUser): Promise<boolean> {
    return this.verification.resend(user);
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a verification link to a new address; the account’s address changes when it is used, and the old address is then told. Errors: BAD_USER_INPUT (not an email address, with `field`), UNAUTHENTICATED (the password is incorrect), CONFLICT (the address is already an account’s, with `field`), RATE_LIMITED (too many asked for, with `retryAfterSeconds`).',
  })
  changeEmail(
    @CurrentUser() user: AuthUser,
    @Args('newEmail', { description: 'The new address.' }) newEmail: string,
    @Args('password', { description: 'The account’s current password, to confirm.' }) password: string,
  ): Promise<boolean> {
    if (newEmail.length > 254 || !isEmail(newEmail.trim())) {
      throw badInput('newEmail', 'newEmail must be a valid email address');
    }
    return this.verification.requestChange(user, newEmail, password);
  }
}
