import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, offsetAfter, PageArgs, RequestLoaders } from '#tradegraph/common';
import type { AuthUser, Connection } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { ConnectionRequestConnection } from './models/connection-request-connection.model.js';
import { ConnectionRequest } from './models/connection-request.model.js';
import { PersonConnection } from './models/person-connection.model.js';
import { NetworkService } from './network.service.js';

/** Adds the network fields to Person, each batched across the request through a DataLoader. */
@Resolver(() => Person)
export class PersonNetworkResolver {
  constructor(private readonly network: NetworkService) {}

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'Shortest number of connections between the viewer and this person: 0 for the viewer, 1 to 3, null when further or unconnected.',
  })
  connectionDegree(@Parent() person: Person, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, number | null>('connectionDegree', (ids) => this.network.degrees(viewer, ids))
      .load(person.id);
  }

  @ResolveField(() => PersonConnection, {
    nullable: true,
    description:
      'This person’s direct connections, ordered by name, without people blocked either way with the viewer. Null when their privacy settings hide them from the viewer.',
  })
  connections(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const offset = offsetAfter(page.after);
    // Persons asking for the same page share one batch.
    return loaders
      .get<string, Connection<Person> | null>(`connections:${page.first}:${offset}`, (ids) =>
        this.network.connections(viewer, ids, page.first, offset),
      )
      .load(person.id);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description:
      'How many direct connections this person has, counted as `connections` lists them. Null when their privacy settings hide them from the viewer.',
  })
  connectionCount(@Parent() person: Person, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, number | null>('connectionCount', (ids) => this.network.connectionCounts(viewer, ids))
      .load(person.id);
  }

  @ResolveField(() => ConnectionRequestConnection, {
    nullable: true,
    description: 'PENDING connection requests to this person, newest first. Null unless this person is the viewer.',
  })
  incomingConnectionRequests(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const offset = offsetAfter(page.after);
    return loaders
      .get<string, Connection<ConnectionRequest> | null>(`incomingConnectionRequests:${page.first}:${offset}`, (ids) =>
        this.network.incomingRequests(viewer, ids, page.first, offset),
      )
      .load(person.id);
  }

  @ResolveField(() => ConnectionRequestConnection, {
    nullable: true,
    description: 'PENDING connection requests from this person, newest first. Null unless this person is the viewer.',
  })
  outgoingConnectionRequests(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const offset = offsetAfter(page.after);
    return loaders
      .get<string, Connection<ConnectionRequest> | null>(`outgoingConnectionRequests:${page.first}:${offset}`, (ids) =>
        this.network.outgoingRequests(viewer, ids, page.first, offset),
      )
      .load(person.id);
  }
}
