import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser } from '#tradegraph/common';
import { BlockingService } from './blocking.service.js';

@Resolver()
export class BlockingResolver {
  constructor(private readonly blocking: BlockingService) {}

  @Mutation(() => Boolean, {
    description:
      'Blocks a person: each of you becomes to the other as if absent. Neither can send the other referrals or introductions, nor see the other’s sourcing requests, answers or notifications; your connection, pending connection requests and pending introductions you both take part in end. They are not told. Always true. Errors: BAD_USER_INPUT (yourself).',
  })
  blockPerson(
    @CurrentUser() user: AuthUser,
    @Args('personId', { type: () => ID, description: 'The person to block.' }) personId: string,
  ): Promise<boolean> {
    return this.blocking.block(user, personId);
  }

  @Mutation(() => Boolean, {
    description:
      'Lifts a block (a removed connection is not restored). Always true, also when there was no block. Errors: BAD_USER_INPUT (yourself).',
  })
  unblockPerson(
    @CurrentUser() user: AuthUser,
    @Args('personId', { type: () => ID, description: 'The blocked person.' }) personId: string,
  ): Promise<boolean> {
    return this.blocking.unblock(user, personId);
  }
}
