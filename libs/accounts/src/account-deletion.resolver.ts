import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { AccountDeletionService } from './account-deletion.service.js';

@Resolver()
export class AccountDeletionResolver {
  constructor(private readonly deletion: AccountDeletionService) {}

  @Mutation(() => Boolean, {
    description:
      'Deletes the caller’s account, person and everything only theirs; trades they recorded stay, credited to a "Former member". Every session ends at once. Errors: UNAUTHENTICATED (the password is incorrect).',
  })
  deleteAccount(
    @CurrentUser() user: AuthUser,
    @Args('password', { description: 'The account’s current password, to confirm.' }) password: string,
  ): Promise<boolean> {
    return this.deletion.deleteAccount(user, password);
  }
}
