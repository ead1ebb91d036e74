import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { NetworkTrader } from './models/network-trader.model.js';

@Resolver(() => NetworkTrader)
export class NetworkTraderResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => Person, { description: 'The person in your network.' })
  person(@Parent() trader: NetworkTrader, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people).load(trader.personId);
  }

  @ResolveField(() => [Person], {
    description: 'One shortest chain of connections from you (first) to the person (last).',
  })
  path(@Parent() trader: NetworkTrader, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people).loadMany(trader.pathIds);
  }

  @ResolveField(() => Organization, { description: 'The buyer of the person’s most recent such trade.' })
  organization(@Parent() trader: NetworkTrader, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(trader.organizationId);
  }
}
