import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser, Connection } from '#tradegraph/common';
import { CurrentUser, Loaders, offsetAfter, PageArgs, RequestLoaders } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { BlockingService } from './blocking.service.js';
import { BlockedPersonConnection } from './models/blocked-person-connection.model.js';
import { PrivacySettings } from './models/privacy-settings.model.js';
import { PrivacyService } from './privacy.service.js';

/** Adds the private privacy fields to Person; null unless the person is the viewer. */
@Resolver(() => Person)
export class PersonPrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly blocking: BlockingService,
  ) {}

  @ResolveField(() => PrivacySettings, {
    nullable: true,
    description: 'This person’s privacy settings. Null unless this person is the viewer.',
  })
  privacySettings(@Parent() person: Person, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, PrivacySettings | null>('privacySettings', (ids) => this.privacy.settings(viewer, ids))
      .load(person.id);
  }

  @ResolveField(() => BlockedPersonConnection, {
    nullable: true,
    description: 'The people this person blocked, ordered by name. Null unless this person is the viewer.',
  })
  blockedPeople(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const offset = offsetAfter(page.after);
    return loaders
      .get<string, Connection<Person> | null>(`blockedPeople:${page.first}:${offset}`, (ids) =>
        this.blocking.blockedPeople(viewer, ids, page.first, offset),
      )
      .load(person.id);
  }
}
