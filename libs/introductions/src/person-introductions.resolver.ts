import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, offsetAfter, PageArgs, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { introductionsRequestedLoader, introductionsToHandleLoader } from './introductions.loader.js';
import { IntroductionsService } from './introductions.service.js';
import { IntroductionConnection } from './models/introduction-connection.model.js';

/** Adds the introduction fields to Person; they are private to the person themself. */
@Resolver(() => Person)
export class PersonIntroductionsResolver {
  constructor(private readonly introductions: IntroductionsService) {}

  @ResolveField(() => IntroductionConnection, {
    nullable: true,
    description:
      'PENDING introductions waiting for this person’s decision, newest first. Null unless this person is the viewer.',
  })
  introductionsToHandle(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    if (!this.introductions.mayListIntroductionsOf(viewer, person.id)) return null;
    const offset = offsetAfter(page.after);
    return introductionsToHandleLoader(loaders, this.introductions, viewer, page.first, offset).load(person.id);
  }

  @ResolveField(() => IntroductionConnection, {
    nullable: true,
    description: 'Introductions this person requested, newest first. Null unless this person is the viewer.',
  })
  introductionsRequested(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    if (!this.introductions.mayListIntroductionsOf(viewer, person.id)) return null;
    const offset = offsetAfter(page.after);
    return introductionsRequestedLoader(loaders, this.introductions, viewer, page.first, offset).load(person.id);
  }
}
