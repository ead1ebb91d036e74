import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { RequestConnectionArgs } from './dto/request-connection.args.js';
import { ConnectionRequest } from './models/connection-request.model.js';
import { NetworkService } from './network.service.js';

@Resolver(() => ConnectionRequest)
export class ConnectionRequestsResolver {
  constructor(
    private readonly network: NetworkService,
    private readonly people: PeopleService,
  ) {}

  @Mutation(() => ConnectionRequest, {
    description:
      'Asks a person to connect with the caller. Errors: BAD_USER_INPUT (invalid input or yourself, with `field`), NOT_FOUND (no such person), CONFLICT (already connected, or a request is pending).',
  })
  requestConnection(@CurrentUser() user: AuthUser, @Args() args: RequestConnectionArgs): Promise<ConnectionRequest> {
    return this.network.request(user, args.personId, args.message);
  }

  @Mutation(() => ConnectionRequest, {
    description:
      'Accepts (connecting the two people) or declines a PENDING request. Its recipient only. Errors: NOT_FOUND (no such request), FORBIDDEN (not its recipient), CONFLICT (not PENDING).',
  })
  respondToConnectionRequest(
    @CurrentUser() user: AuthUser,
    @Args('requestId', { type: () => ID, description: 'The request to respond to.' }) requestId: string,
    @Args('accept', { description: 'True to accept, false to decline.' }) accept: boolean,
  ): Promise<ConnectionRequest> {
    return this.network.respond(user, requestId, accept);
  }

  @Mutation(() => ConnectionRequest, {
    description:
      'Withdraws a PENDING request. Its sender only. Errors: NOT_FOUND (no such request), FORBIDDEN (not its sender), CONFLICT (not PENDING).',
  })
  withdrawConnectionRequest(
    @CurrentUser() user: AuthUser,
    @Args('requestId', { type: () => ID, description: 'The request to withdraw.' }) requestId: string,
  ): Promise<ConnectionRequest> {
    return this.network.withdraw(user, requestId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The person who sent the request. Null when the privacy rules hide them from you.',
  })
  from(@Parent() request: ConnectionRequest, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(request.fromId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The person the request was sent to. Null when the privacy rules hide them from you.',
  })
  to(@Parent() request: ConnectionRequest, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(request.toId);
  }
}
