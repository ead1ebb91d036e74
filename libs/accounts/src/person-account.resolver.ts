import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, offsetAfter, PageArgs, toConnection } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { AccountsService } from './accounts.service.js';
import { SessionConnection } from './models/session.model.js';
import { PasswordService } from './password.service.js';
import { TokensService } from './tokens.service.js';

/** The account fields of Person, private to the person themself, and ending the caller's sessions. */
@Resolver(() => Person)
export class PersonAccountResolver {
  constructor(
    private readonly tokens: TokensService,
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordService,
  ) {}

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'Whether this person’s email address is verified (see verifyEmail). Null unless this person is the viewer.',
  })
  async emailVerified(@Parent() person: Person, @CurrentUser() viewer: AuthUser): Promise<boolean | null> {
    if (person.id !== viewer.id) return null;
    return (await this.accounts.findUser(viewer.id))?.emailVerified ?? false;
  }

  @ResolveField(() => SessionConnection, {
    nullable: true,
    description:
      'The active sessions of this person’s account, most recently used first. Null unless this person is the viewer.',
  })
  async sessions(@Parent() person: Person, @Args() page: PageArgs, @CurrentUser() viewer: AuthUser) {
    if (person.id !== viewer.id) return null;
    const offset = offsetAfter(page.after);
    const all = (await this.tokens.sessions(viewer.id)).map((session) => ({
      ...session,
      current: session.id === viewer.sessionId,
    }));
    return toConnection(all.slice(offset, offset + page.first), offset, all.length);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends one of your sessions (see `me.sessions`): its tokens stop working at once and its live connections close. False when you have no such active session. Errors: none beyond those of every operation.',
  })
  endSession(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID, description: 'The session’s id.' }) id: string,
  ): Promise<boolean> {
    return this.tokens.endSession(user.id, id);
  }

  @Mutation(() => Int, {
    description:
      'Ends every session of your account, this one included: refresh and access tokens stop working at once and live connections close, on every instance; a pending email change or password reset link stops working too. Returns how many sessions ended. Errors: none beyond those of every operation.',
  })
  logoutEverywhere(@CurrentUser() user: AuthUser): Promise<number> {
    return this.passwords.logoutEverywhere(user);
  }
}
