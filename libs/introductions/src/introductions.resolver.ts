import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { PATH_MAX, PATH_MIN } from './dto/introduction-rules.js';
import { RequestIntroductionInput } from './dto/request-introduction.input.js';
import { RespondToIntroductionArgs } from './dto/respond-to-introduction.args.js';
import { IntroductionsService } from './introductions.service.js';
import { IntroductionStep } from './models/introduction-step.model.js';
import { Introduction } from './models/introduction.model.js';

@Resolver(() => Introduction)
export class IntroductionsResolver {
  constructor(
    private readonly introductions: IntroductionsService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Mutation(() => Introduction, {
    description:
      'Asks to be introduced to a person through one or two intermediaries, along direct connections. Each intermediary in turn, then the target, decides. Errors: BAD_USER_INPUT (invalid input, a path with yourself, a repeat or a broken link, or an unknown supplier, with `field`), NOT_FOUND (your profile no longer exists).',
  })
  requestIntroduction(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The path, message and optional supplier.' }) input: RequestIntroductionInput,
  ): Promise<Introduction> {
    return this.introductions.request(user, input);
  }

  @Mutation(() => Introduction, {
    description:
      'Passes on, accepts (as the target, connecting requester and target) or declines (ending it) a PENDING introduction. Only the person whose turn it is. Errors: BAD_USER_INPUT (invalid input, with `field`), NOT_FOUND (no such introduction), FORBIDDEN (not on its path, or not your turn yet), CONFLICT (already decided, or already answered by you).',
  })
  respondToIntroduction(@CurrentUser() user: AuthUser, @Args() args: RespondToIntroductionArgs): Promise<Introduction> {
    return this.introductions.respond(user, args.introductionId, args.accept, args.note);
  }

  @Mutation(() => Introduction, {
    description:
      'Withdraws a PENDING introduction. Its requester only. Errors: NOT_FOUND (no such introduction), FORBIDDEN (not its requester), CONFLICT (not PENDING).',
  })
  withdrawIntroduction(
    @CurrentUser() user: AuthUser,
    @Args('introductionId', { type: () => ID, description: 'The introduction to withdraw.' }) introductionId: string,
  ): Promise<Introduction> {
    return this.introductions.withdraw(user, introductionId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who asked for the introduction. Null when the privacy rules hide them from you.',
  })
  requester(@Parent() introduction: Introduction, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(introduction.requesterId);
  }

  @ResolveField(() => [Person], {
    nullable: 'items',
    description:
      `The intermediaries in order, then the target: ${PATH_MIN} to ${PATH_MAX} people, fixed when the introduction ` +
      'is requested, so not paginated. An entry is null when the privacy rules hide that person from you.',
  })
  async path(
    @Parent() introduction: Introduction,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const shown = await this.introductions.shownPath(loaders, viewer, introduction);
    const people = personLoader(loaders, this.people, viewer);
    return Promise.all(shown.map((id) => (id === null ? null : people.load(id))));
  }

  @ResolveField(() => [IntroductionStep], {
    description: `One step per person in \`path\`, in the same order: ${PATH_MIN} to ${PATH_MAX}, so not paginated. A step's person is hidden exactly when its \`path\` entry is.`,
  })
  async steps(
    @Parent() introduction: Introduction,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const shown = await this.introductions.shownPath(loaders, viewer, introduction);
    // A hidden person's note could name them, so it goes with them.
    return introduction.steps.map((step, i) =>
      shown[i] === null ? { ...step, hidden: true, note: null } : { ...step, hidden: false },
    );
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The person the requester wants to be introduced to. Null when the privacy rules hide them from you.',
  })
  target(@Parent() introduction: Introduction, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(introduction.steps[introduction.steps.length - 1].personId);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The supplier the introduction is about, if any.' })
  supplier(@Parent() introduction: Introduction, @Loaders() loaders: RequestLoaders) {
    return introduction.supplierId
      ? organizationLoader(loaders, this.organizations).load(introduction.supplierId)
      : null;
  }
}
