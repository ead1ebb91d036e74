import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { PATH_CANDIDATE_LIMIT } from '#tradegraph/policy';
import { NetworkTrader } from './models/network-trader.model.js';

@Resolver(() => NetworkTrader)
export class NetworkTraderResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The person in your network. Null when the privacy rules hide them from you.',
  })
  person(@Parent() trader: NetworkTrader, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(trader.personId);
  }

  @ResolveField(() => [Person], {
    nullable: 'items',
    description: `One shortest chain of connections from you (first) to the person (last): at most maxDegree + 1 people, so not paginated. A null item is a hidden person: someone you may not be shown in network searches, or one end of a connection you may not learn; another equally short chain is used when one shows everyone (of at most the first ${PATH_CANDIDATE_LIMIT} found).`,
  })
  path(@Parent() trader: NetworkTrader, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    const loader = personLoader(loaders, this.people, viewer);
    return Promise.all(trader.pathIds.map((id) => (id === null ? null : loader.load(id))));
  }

  @ResolveField(() => Organization, { description: 'The buyer of the person’s most recent such trade.' })
  organization(@Parent() trader: NetworkTrader, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(trader.organizationId);
  }
}
