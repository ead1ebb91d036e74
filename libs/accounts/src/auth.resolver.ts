import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from '#tradegraph/common';
import type { AuthUser, GraphQLContext } from '#tradegraph/common';
import { PeopleService } from '#tradegraph/people';
import { AccountsService } from './accounts.service.js';
import { clientInfo } from './client-info.js';
import { EmailVerificationService } from './email-verification.service.js';
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
    private readonly verification: EmailVerificationService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Creates an account and its person, signs in, and mails a verification link to the address. Until it is verified (verifyEmail) the account can look around but not record, confirm or rate trades, endorse, refer or post sourcing requests. Errors: BAD_USER_INPUT (invalid input, a common password or the email as password, with `field`), CONFLICT (the email is taken, with `field`).',
  })
  async register(
    @Args('input', { description: 'The new account.' }) input: RegisterInput,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayload> {
    const { account, person } = await this.verification.register(input);
    const user = { id: account.id, email: account.email, emailVerified: false };
    return { ...(await this.tokens.issue(user, clientInfo(context))), person };
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
    @Context() context: GraphQLContext,
  ): Promise<AuthPayload> {
    return { ...(await this.tokens.issue(user, clientInfo(context))), person: await this.people.get(user.id) };
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchanges a refresh token for a new access and refresh token in the same session. Each refresh token works once; used again within a few seconds (two tabs, a retry) it gets another pair, used again later it revokes the session. Errors: UNAUTHENTICATED (the refresh token is invalid, expired or reused).',
  })
  async refreshToken(
    @Args('refreshToken', { description: 'The refresh token from the last AuthPayload.' }) refreshToken: string,
    @Context() context: GraphQLContext,
  ): Promise<AuthPayload> {
    const { user, ...tokens } = await this.tokens.refresh(
      refreshToken,
      (id) => this.accounts.findUser(id),
      clientInfo(context),
    );
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
