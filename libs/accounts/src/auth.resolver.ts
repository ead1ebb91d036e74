import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService } from '#tradegraph/people';
import { AccountsService } from './accounts.service.js';
import { LoginInput } from './dto/login.input.js';
import { RegisterInput } from './dto/register.input.js';
import { GqlLocalAuthGuard } from './guards/gql-local-auth.guard.js';
import { AuthPayload } from './models/auth-payload.model.js';
import { TokensService } from './tokens.service.js';

@Resolver(() => AuthPayload)
export class AuthResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
    private readonly people: PeopleService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Creates an account and its person, and signs in. Errors: BAD_USER_INPUT (invalid input, with `field`), CONFLICT (the email is taken, with `field`).',
  })
  async register(@Args('input', { description: 'The new account.' }) input: RegisterInput): Promise<AuthPayload> {
    const { account, person } = await this.accounts.register(input);
    return { ...(await this.tokens.issue({ id: account.id, email: account.email })), person };
  }

  @Public()
  @UseGuards(GqlLocalAuthGuard)
  @Mutation(() => AuthPayload, {
    description:
      'Signs in with email and password. Errors: UNAUTHENTICATED (the email or password is incorrect), RATE_LIMITED (the login lockout, with `retryAfterSeconds`).',
  })
  async login(
    @Args('input', { description: 'The credentials.' }) _input: LoginInput,
    @CurrentUser() user: AuthUser,
  ): Promise<AuthPayload> {
    return { ...(await this.tokens.issue(user)), person: await this.people.get(user.id) };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchanges a refresh token for a new access and refresh token in the same session. Each refresh token works once; used again within a few seconds (two tabs, a retry) it gets another pair, used again later it revokes the session. Errors: UNAUTHENTICATED (the refresh token is invalid, expired or reused).',
  })
  async refreshToken(
    @Args('refreshToken', { description: 'The refresh token from the last AuthPayload.' }) refreshToken: string,
  ): Promise<AuthPayload> {
    const { user, ...tokens } = await this.tokens.refresh(refreshToken, (id) => this.accounts.findUser(id));
    return { ...tokens, person: await this.people.get(user.id) };
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the session of this refresh token: its refresh and access tokens stop working at once, and its live connections close. False for an unknown token. Errors: none beyond those of every operation.',
  })
  logout(
    @Args('refreshToken', { description: 'The session’s current refresh token.' }) refreshToken: string,
    @CurrentUser() user: AuthUser,
  ): Promise<boolean> {
    return this.tokens.logout(refreshToken, user);
  }
}
