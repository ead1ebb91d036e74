import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CategoriesService, Category, categoryLoader } from '#tradegraph/categories';
import { CurrentUser, RequiresVerifiedEmail, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { Organization, organizationLoader, OrganizationsService } from '#tradegraph/organizations';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { hidesPerson, hidingPeople, HidesPeople } from '#tradegraph/policy';
import { RecordTradeInput } from './dto/record-trade.input.js';
import { FeedbackService } from './feedback.service.js';
import { Feedback } from './models/feedback.model.js';
import { Trade } from './models/trade.model.js';
import { feedbackByTradeLoader, tradeLoader } from './trades.loader.js';
import { REJECTION_REASON_MAX, TradesService } from './trades.service.js';

@Resolver(() => Trade)
export class TradesResolver {
  constructor(
    private readonly trades: TradesService,
    private readonly feedbackService: FeedbackService,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly categories: CategoriesService,
  ) {}

  @Query(() => Trade, {
    nullable: true,
    description: 'A trade by id; null when there is none or it is PRIVATE and the caller is not on either side.',
  })
  trade(
    @Args('id', { type: () => ID, description: 'Id of the trade.' }) id: string,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    return tradeLoader(loaders, this.trades, viewer).load(id);
  }

  @RequiresVerifiedEmail()
  @Mutation(() => Trade, {
    description:
      'Records a PENDING trade of the buyer with a supplier. Current members of the buyer who are not current members of the supplier only. Errors: BAD_USER_INPUT (invalid input, unknown buyer, supplier or category, or a supplier that does not supply it, with `field`), FORBIDDEN (the email address is not verified yet, or not a member of the buyer, or a member of the supplier), CONFLICT (something changed meanwhile).',
  })
  recordTrade(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The buyer, supplier, category, date and value band.' }) input: RecordTradeInput,
  ): Promise<Trade> {
    return this.trades.record(user, input);
  }

  @RequiresVerifiedEmail()
  @Mutation(() => Trade, {
    description:
      'Confirms a PENDING trade. Current members of its supplier only, except the person who recorded it and current members of its buyer; not while its recorder is a current member of the supplier. Errors: NOT_FOUND (no such trade, or you cannot see it), FORBIDDEN (the email address is not verified yet, or not allowed to confirm it), CONFLICT (not PENDING, or it changed meanwhile).',
  })
  confirmTrade(
    @CurrentUser() user: AuthUser,
    @Args('tradeId', { type: () => ID, description: 'The trade to confirm.' }) tradeId: string,
  ): Promise<Trade> {
    return this.trades.confirm(user, tradeId);
  }

  @Mutation(() => Trade, {
    description:
      'Rejects a PENDING trade. Current members of its supplier only. Errors: BAD_USER_INPUT (reason too long, with `field`), NOT_FOUND (no such trade, or you cannot see it), FORBIDDEN (not a member of the supplier), CONFLICT (not PENDING, or it changed meanwhile).',
  })
  rejectTrade(
    @CurrentUser() user: AuthUser,
    @Args('tradeId', { type: () => ID, description: 'The trade to reject.' }) tradeId: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: `Why, at most ${REJECTION_REASON_MAX} characters; kept for the record.`,
    })
    reason?: string | null,
  ): Promise<Trade> {
    return this.trades.reject(user, tradeId, reason);
  }

  @ResolveField(() => Organization, { description: 'The organization that bought.' })
  buyer(@Parent() trade: Trade, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(trade.buyerId);
  }

  @ResolveField(() => Organization, { description: 'The organization that supplied.' })
  supplier(@Parent() trade: Trade, @Loaders() loaders: RequestLoaders) {
    return organizationLoader(loaders, this.organizations).load(trade.supplierId);
  }

  @ResolveField(() => Category, { description: 'The category of what was bought.' })
  category(@Parent() trade: Trade, @Loaders() loaders: RequestLoaders) {
    return categoryLoader(loaders, this.categories).load(trade.categoryId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The member of the buyer who recorded the trade. Null when the privacy rules hide them from you.',
  })
  recordedBy(@Parent() trade: Trade, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    if (hidesPerson(trade, trade.recordedById)) return null;
    return personLoader(loaders, this.people, viewer).load(trade.recordedById);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The member of the supplier who confirmed the trade; null unless CONFIRMED.',
  })
  confirmedBy(@Parent() trade: Trade, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    if (hidesPerson(trade, trade.confirmedById)) return null;
    return trade.confirmedById ? personLoader(loaders, this.people, viewer).load(trade.confirmedById) : null;
  }

  @ResolveField(() => Feedback, { nullable: true, description: 'The buyer’s feedback; null until it is left.' })
  async feedback(@Parent() trade: Trade & HidesPeople, @Loaders() loaders: RequestLoaders) {
    const feedback = await feedbackByTradeLoader(loaders, this.feedbackService).load(trade.id);
    // A trade shown as anonymous evidence hides the same people in its feedback.
    return hidingPeople(feedback ?? null, trade.hiddenPersonIds ?? []);
  }
}
