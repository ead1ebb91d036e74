import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, offsetAfter } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PATH_CANDIDATE_LIMIT } from '#tradegraph/policy';
import { ConnectionPathArgs } from './dto/connection-path.args.js';
import { MutualConnectionsArgs } from './dto/mutual-connections.args.js';
import { ConnectionPath } from './models/connection-path.model.js';
import { PersonConnection } from './models/person-connection.model.js';
import { NetworkService } from './network.service.js';

/** The caller's network: paths, mutual connections and removing a connection. */
@Resolver()
export class NetworkResolver {
  constructor(private readonly network: NetworkService) {}

  @Query(() => ConnectionPath, {
    nullable: true,
    description: `A shortest chain of connections from the caller to a person; null when none is within maxDepth. Of equally short chains, one that shows everyone on it is preferred (see ConnectionPath.people); at most the first ${PATH_CANDIDATE_LIMIT} found are weighed, so with more a fully visible one may be missed and placeholders shown instead. A person blocked either way is answered like an unknown id.`,
  })
  connectionPath(@CurrentUser() user: AuthUser, @Args() args: ConnectionPathArgs): Promise<ConnectionPath | null> {
    return this.network.path(user, args.toPersonId, args.maxDepth);
  }

  @Query(() => PersonConnection, {
    description:
      'People connected to both the caller and a person, ordered by name: only those whose connection with the person the caller may learn (by either one’s connectionsVisibility), and none blocked either way. A person blocked either way is answered like an unknown id.',
  })
  mutualConnections(@CurrentUser() user: AuthUser, @Args() args: MutualConnectionsArgs) {
    return this.network.mutualConnections(user, args.personId, args.first, offsetAfter(args.after));
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the caller’s connection with a person. True once done. Errors: NOT_FOUND (you are not connected with this person).',
  })
  removeConnection(
    @CurrentUser() user: AuthUser,
    @Args('personId', { type: () => ID, description: 'The connected person.' }) personId: string,
  ): Promise<boolean> {
    return this.network.removeConnection(user, personId);
  }
}
