import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, offsetAfter } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization } from '#tradegraph/organizations';
import { InquiriesArgs } from './dto/conversation-args.js';
import { InquiriesService } from './inquiries.service.js';
import { InquiryConnection } from './models/inquiry.model.js';

/** Adds the shared inquiry inbox to Organization, for its current members. */
@Resolver(() => Organization)
export class OrganizationInquiriesResolver {
  constructor(private readonly service: InquiriesService) {}

  @ResolveField(() => InquiryConnection, {
    nullable: true,
    description:
      'Buyers’ inquiries to this organization, newest first, shared by its current members (without those of people blocked either way with you). Null unless you are a current member.',
  })
  inquiries(@Parent() organization: Organization, @Args() args: InquiriesArgs, @CurrentUser() viewer: AuthUser) {
    return this.service.inbox(viewer, organization.id, args.status ?? null, args.first, offsetAfter(args.after));
  }
}
