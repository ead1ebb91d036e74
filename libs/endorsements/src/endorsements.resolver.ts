import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Category, categoryLoader, CategoriesService } from '#tradegraph/categories';
import { CurrentUser, RequiresVerifiedEmail, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { hidesPerson } from '#tradegraph/policy';
import { EndorseSupplierInput } from './dto/endorse-supplier.input.js';
import { endorsementVerifiedLoader } from './endorsements.loader.js';
import { EndorsementsService } from './endorsements.service.js';
import { Endorsement } from './models/endorsement.model.js';

@Resolver(() => Endorsement)
export class EndorsementsResolver {
  constructor(
    private readonly endorsements: EndorsementsService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly categories: CategoriesService,
  ) {}

  @RequiresVerifiedEmail()
  @Mutation(() => Endorsement, {
    description:
      'Endorses a supplier in a category it supplies. Endorsing the same supplier and category again updates the earlier endorsement. Current members of the supplier may not endorse it. Errors: BAD_USER_INPUT (invalid input, unknown supplier or a category it does not supply, with `field`), FORBIDDEN (the email address is not verified yet, or a current member of the supplier), NOT_FOUND (your profile no longer exists).',
  })
  endorseSupplier(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The supplier, category, rating and comment.' }) input: EndorseSupplierInput,
  ): Promise<Endorsement> {
    return this.endorsements.endorse(user, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes one of the caller’s own endorsements; true once done. Errors: NOT_FOUND (no such endorsement), FORBIDDEN (not its endorser).',
  })
  retractEndorsement(
    @CurrentUser() user: AuthUser,
    @Args('endorsementId', { type: () => ID, description: 'The endorsement to retract.' }) endorsementId: string,
  ): Promise<boolean> {
    return this.endorsements.retract(user, endorsementId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who gave the endorsement. Null when the privacy rules hide them from you.',
  })
  endorser(@Parent() endorsement: Endorsement, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    if (hidesPerson(endorsement, endorsement.endorserId)) return null;
    return personLoader(loaders, this.people, viewer).load(endorsement.endorserId);
  }

  @ResolveField(() => Organization, { description: 'The endorsed supplier.' })
  supplier(@Parent() endorsement: Endorsement, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(endorsement.supplierId);
  }

  @ResolveField(() => Category, { description: 'The category the endorsement is about.' })
  category(@Parent() endorsement: Endorsement, @Loaders() loaders: RequestLoaders) {
    return categoryLoader(loaders, this.categories).load(endorsement.categoryId);
  }

  @ResolveField(() => Boolean, {
    description:
      'True when the endorser works, or worked after being approved, at an organization that bought from the ' +
      'supplier in a CONFIRMED trade the viewer can see.',
  })
  verified(@Parent() endorsement: Endorsement, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return endorsementVerifiedLoader(loaders, this.endorsements, viewer).load(endorsement.id);
  }
}
