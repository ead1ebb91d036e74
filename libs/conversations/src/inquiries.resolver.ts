import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Category, categoryLoader, CategoriesService } from '#tradegraph/categories';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { SendInquiryInput } from './dto/send-inquiry.input.js';
import { InquiriesService } from './inquiries.service.js';
import { Conversation } from './models/conversation.model.js';
import { Inquiry } from './models/inquiry.model.js';

const inquiryIdArg = { type: () => ID, description: 'The inquiry.' };

@Resolver(() => Inquiry)
export class InquiriesResolver {
  constructor(
    private readonly inquiries: InquiriesService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly categories: CategoriesService,
  ) {}

  @Mutation(() => Inquiry, {
    description:
      'Asks a supplier organization a question; it lands in the inbox its current members share. Errors: BAD_USER_INPUT (invalid input, your own organization, or an introduction that does not lead to this supplier, with `field`), NOT_FOUND (no such supplier or category, with `field`), FORBIDDEN (the supplier accepts no inquiries).',
  })
  sendInquiry(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The supplier and the question.' }) input: SendInquiryInput,
  ): Promise<Inquiry> {
    return this.inquiries.send(user, input);
  }

  @Mutation(() => Inquiry, {
    description:
      'Takes on an OPEN inquiry of your organization, or one claimed by someone who no longer works there or deleted their account: it becomes a conversation between the buyer and you, and the other members see that you handle it. Errors: NOT_FOUND (no such inquiry in your organization’s inbox), FORBIDDEN (you do not accept inquiries), CONFLICT (no longer open, or claimed by a current member).',
  })
  claimInquiry(@CurrentUser() user: AuthUser, @Args('inquiryId', inquiryIdArg) inquiryId: string): Promise<Inquiry> {
    return this.inquiries.claim(user, inquiryId);
  }

  @Mutation(() => Inquiry, {
    description:
      'Closes an inquiry of your organization. Errors: NOT_FOUND (no such inquiry in your organization’s inbox), CONFLICT (already closed).',
  })
  closeInquiry(@CurrentUser() user: AuthUser, @Args('inquiryId', inquiryIdArg) inquiryId: string): Promise<Inquiry> {
    return this.inquiries.close(user, inquiryId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who asked; null when the privacy rules hide them from you.',
  })
  buyer(@Parent() inquiry: Inquiry, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(inquiry.buyerId);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The supplier asked; null if it no longer exists.' })
  supplier(@Parent() inquiry: Inquiry, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(inquiry.supplierId);
  }

  @ResolveField(() => Category, { nullable: true, description: 'The category it is about; null when none was given.' })
  category(@Parent() inquiry: Inquiry, @Loaders() loaders: RequestLoaders) {
    return inquiry.categoryId ? categoryLoader(loaders, this.categories).load(inquiry.categoryId) : null;
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The member handling it; null while nobody claimed it, or when the privacy rules hide them from you.',
  })
  claimedBy(@Parent() inquiry: Inquiry, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return inquiry.claimedById ? personLoader(loaders, this.people, viewer).load(inquiry.claimedById) : null;
  }

  @ResolveField(() => Conversation, {
    nullable: true,
    description: 'The conversation claiming it started; null unless you take part in it.',
  })
  conversation(@Parent() inquiry: Inquiry, @CurrentUser() viewer: AuthUser) {
    return this.inquiries.conversationFor(viewer, inquiry);
  }
}
