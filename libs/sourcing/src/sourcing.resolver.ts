import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Category, categoryLoader, CategoriesService } from '#tradegraph/categories';
import { CurrentUser, RequiresVerifiedEmail, Loaders, PageArgs, RequestLoaders } from '#tradegraph/common';
import type { AuthUser } from '#tradegraph/common';
import { PeopleService, Person, personLoader } from '#tradegraph/people';
import { SupplierRecommendationConnection } from '#tradegraph/trust';
import { AnswerSourcingRequestInput } from './dto/answer-sourcing-request.input.js';
import { PostSourcingRequestInput } from './dto/post-sourcing-request.input.js';
import { SourcingAnswerConnection } from './models/sourcing-answer-connection.model.js';
import { SourcingAnswer } from './models/sourcing-answer.model.js';
import { SourcingRequest } from './models/sourcing-request.model.js';
import { sourcingAnswersLoader, visibleSourcingRequestLoader } from './sourcing.loader.js';
import { SourcingService } from './sourcing.service.js';

@Resolver(() => SourcingRequest)
export class SourcingResolver {
  constructor(
    private readonly sourcing: SourcingService,
    private readonly people: PeopleService,
    private readonly categories: CategoriesService,
  ) {}

  @RequiresVerifiedEmail()
  @Mutation(() => SourcingRequest, {
    description:
      'Asks your network who can supply a category. Only the people within maxDegree connection steps of you at this moment can see and answer it; later changes to your connections do not change who can. The audience is capped at SOURCING_AUDIENCE_MAX people (500 unless the operator set another cap), the nearest first: direct connections before their connections, then by person id. Each of them is notified. Errors: BAD_USER_INPUT (invalid input, neededBy in the past or an unknown category, with `field`), NOT_FOUND (your profile no longer exists), FORBIDDEN (the email address is not verified yet).',
  })
  postSourcingRequest(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The category, what you need, how far to ask, and by when.' })
    input: PostSourcingRequestInput,
  ): Promise<SourcingRequest> {
    return this.sourcing.post(user, input);
  }

  @Mutation(() => SourcingAnswer, {
    description:
      'Suggests a supplier for an OPEN sourcing request you can see and did not post. Errors: BAD_USER_INPUT (invalid input, unknown supplier or one that does not supply the category, with `field`), NOT_FOUND (no such request, or you cannot see it), FORBIDDEN (your own request), CONFLICT (the request is closed, or you already suggested this supplier).',
  })
  answerSourcingRequest(
    @CurrentUser() user: AuthUser,
    @Args('input', { description: 'The request, the suggested supplier and an optional comment.' })
    input: AnswerSourcingRequestInput,
  ): Promise<SourcingAnswer> {
    return this.sourcing.answer(user, input);
  }

  @Mutation(() => SourcingRequest, {
    description:
      'Closes your OPEN sourcing request so it takes no more answers. Errors: NOT_FOUND (no such request), FORBIDDEN (not your request), CONFLICT (already closed).',
  })
  closeSourcingRequest(
    @CurrentUser() user: AuthUser,
    @Args('requestId', { type: () => ID, description: 'The sourcing request to close.' }) requestId: string,
  ): Promise<SourcingRequest> {
    return this.sourcing.close(user, requestId);
  }

  @Query(() => SourcingRequest, {
    nullable: true,
    description: 'A sourcing request you posted or were asked; null when there is none you can see.',
  })
  sourcingRequest(
    @CurrentUser() viewer: AuthUser,
    @Args('id', { type: () => ID, description: 'The sourcing request.' }) id: string,
    @Loaders() loaders: RequestLoaders,
  ) {
    return visibleSourcingRequestLoader(loaders, this.sourcing, viewer).load(id);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Who asked. Null when the privacy rules hide them from you.',
  })
  requester(@Parent() request: SourcingRequest, @CurrentUser() viewer: AuthUser, @Loaders() loaders: RequestLoaders) {
    return personLoader(loaders, this.people, viewer).load(request.requesterId);
  }

  @ResolveField(() => Category, { description: 'The category a supplier is wanted for.' })
  category(@Parent() request: SourcingRequest, @Loaders() loaders: RequestLoaders) {
    return categoryLoader(loaders, this.categories).load(request.categoryId);
  }

  @ResolveField(() => SourcingAnswerConnection, {
    description: 'Answers, newest first: all of them for the requester; for anyone else, only their own.',
  })
  answers(
    @Parent() request: SourcingRequest,
    @Args() page: PageArgs,
    @CurrentUser() viewer: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    return sourcingAnswersLoader(loaders, this.sourcing, viewer, page.first, page.after).load(request.id);
  }

  @ResolveField(() => SupplierRecommendationConnection, {
    description:
      'The requester’s own supplierShortlist for the category (maxDegree 2), answers from direct connections ' +
      'included as referrals, in the same order. Empty for anyone but the requester.',
  })
  suggestedSuppliers(@Parent() request: SourcingRequest, @Args() page: PageArgs, @CurrentUser() viewer: AuthUser) {
    return this.sourcing.suggestedSuppliers(viewer, request, page);
  }
}
