import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { ConnectionPath } from './models/connection-path.model.js';

@Resolver(() => ConnectionPath)
export class ConnectionPathResolver {
  constructor(private readonly peopleService: PeopleService) {}

  @ResolveField(() => [Person], {
    nullable: 'items',
    description:
      'The people along the path: the viewer first, the target last, each connected to the next (at most maxDepth + 1 people, so not paginated). A null item is a hidden person: someone you may not be shown, or one end of a connection you may not learn.',
  })
  people(@Parent() path: ConnectionPath, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    const loader = personLoader(loaders, this.peopleService, viewer);
    return Promise.all(path.personIds.map((id) => (id === null ? null : loader.load(id))));
  }
}
