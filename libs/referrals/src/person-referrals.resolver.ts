import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, offsetAfter, PageArgs, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { ReferralConnection } from './models/referral-connection.model.js';
import { referralsReceivedLoader, referralsSentLoader } from './referrals.loader.js';
import { ReferralsService } from './referrals.service.js';

/** Adds the referral fields to Person; they are private to the person themself. */
@Resolver(() => Person)
export class PersonReferralsResolver {
  constructor(private readonly referrals: ReferralsService) {}

  @ResolveField(() => ReferralConnection, {
    nullable: true,
    description: 'Referrals this person received, newest first. Null unless this person is the viewer.',
  })
  referralsReceived(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    if (!this.referrals.mayListReferralsOf(viewer, person.id)) return null;
    const offset = offsetAfter(page.after);
    return referralsReceivedLoader(loaders, this.referrals, viewer, page.first, offset).load(person.id);
  }

  @ResolveField(() => ReferralConnection, {
    nullable: true,
    description: 'Referrals this person sent, newest first. Null unless this person is the viewer.',
  })
  referralsSent(
    @Parent() person: Person,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    if (!this.referrals.mayListReferralsOf(viewer, person.id)) return null;
    const offset = offsetAfter(page.after);
    return referralsSentLoader(loaders, this.referrals, viewer, page.first, offset).load(person.id);
  }
}
