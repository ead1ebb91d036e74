import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Category, categoryLoader, CategoriesService } from '#tradegraph/categories';
import { CurrentUser, RequiresVerifiedEmail, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { ReferSupplierInput } from './dto/refer-supplier.input.js';
import { Referral } from './models/referral.model.js';
import { ReferralsService } from './referrals.service.js';

@Resolver(() => Referral)
export class ReferralsResolver {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly categories: CategoriesService,
  ) {}

  @RequiresVerifiedEmail()
  @Mutation(() => Referral, {
    description:
      'Recommends a supplier, in a category it supplies, to one of the caller’s direct connections. Errors: BAD_USER_INPUT (invalid input, yourself, unknown supplier or a category it does not supply, with `field`), FORBIDDEN (the email address is not verified yet, or not a direct connection), NOT_FOUND (your profile no longer exists).',
  })
  referSupplier(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The supplier, recipient, category and message.' }) input: ReferSupplierInput,
  ): Promise<Referral> {
    return this.referrals.refer(user, input);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who sent the referral. Null when the privacy rules hide them from you.',
  })
  from(@Parent() referral: Referral, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(referral.fromId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who received the referral. Null when the privacy rules hide them from you.',
  })
  to(@Parent() referral: Referral, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(referral.toId);
  }

  @ResolveField(() => Organization, { description: 'The recommended supplier.' })
  supplier(@Parent() referral: Referral, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(referral.supplierId);
  }

  @ResolveField(() => Category, { description: 'The category the referral is about.' })
  category(@Parent() referral: Referral, @Loaders() loaders: RequestLoaders) {
    return categoryLoader(loaders, this.categories).load(referral.categoryId);
  }
}
