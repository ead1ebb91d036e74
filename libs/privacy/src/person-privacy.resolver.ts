import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { BlockingService } from './blocking.service.js';
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

  @ResolveField(() => [Person], {
    nullable: true,
    description: 'The people this person blocked, ordered by name. Null unless this person is the viewer.',
  })
  blockedPeople(@Parent() person: Person, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, Person[] | null>('blockedPeople', (ids) => this.blocking.blockedPeople(viewer, ids))
      .load(person.id);
  }
}
