import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Loaders, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
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

  @Mutation(() => Feedback, {
    description:
      'Leaves feedback on a CONFIRMED trade, or replaces the feedback already left (same id). Current members of its buyer who are not current members of its supplier only.',
  })
  leaveFeedback(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The trade and the scores.' }) input: LeaveFeedbackInput,
  ): Promise<Feedback> {
    return this.feedback.leave(user, input);
  }

  @ResolveField(() => Trade, { description: 'The trade the feedback is about.' })
  trade(@Parent() feedback: Feedback, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return tradeLoader(loaders, this.trades, viewer).load(feedback.tradeId);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'The member of the buyer who last wrote the feedback. Null when the privacy rules hide them from you.',
  })
  author(@Parent() feedback: Feedback, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(feedback.authorId);
  }
}
