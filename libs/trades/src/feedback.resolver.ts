import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequiresVerifiedEmail, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { hidesPerson, hidingPeople, HidesPeople } from '#tradegraph/policy';
import { LeaveFeedbackInput } from './dto/leave-feedback.input.js';
import { FeedbackService } from './feedback.service.js';
import { Feedback } from './models/feedback.model.js';
import { Trade } from './models/trade.model.js';
import { tradeLoader } from './trades.loader.js';
import { TradesService } from './trades.service.js';

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly trades: TradesService,
    private readonly people: PeopleService,
  ) {}

  @RequiresVerifiedEmail()
  @Mutation(() => Feedback, {
    description:
      'Leaves feedback on a CONFIRMED trade, or replaces the feedback already left (same id). Current members of its buyer who are not current members of its supplier only. Errors: BAD_USER_INPUT (invalid input, with `field`), NOT_FOUND (no such trade, or you cannot see it), FORBIDDEN (the email address is not verified yet, or not a member of the buyer, or a member of the supplier too), CONFLICT (the trade is not CONFIRMED, or it changed meanwhile).',
  })
  leaveFeedback(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The trade and the scores.' }) input: LeaveFeedbackInput,
  ): Promise<Feedback> {
    return this.feedback.leave(user, input);
  }

  @ResolveField(() => Trade, { description: 'The trade the feedback is about.' })
  async trade(
    @Parent() feedback: Feedback & HidesPeople,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    const trade = await tradeLoader(loaders, this.trades, viewer).load(feedback.tradeId);
    // Back from anonymous evidence's feedback to its trade: the same people stay hidden.
    return hidingPeople(trade ?? null, feedback.hiddenPersonIds ?? []);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The member of the buyer who last wrote the feedback. Null when the privacy rules hide them from you.',
  })
  author(@Parent() feedback: Feedback, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    if (hidesPerson(feedback, feedback.authorId)) return null;
    return personLoader(loaders, this.people, viewer).load(feedback.authorId);
  }
}
