import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '#tradegraph/common';
import { CurrentUser } from '#tradegraph/common';
import { BlockingService } from './blocking.service.js';

@Resolver()
export class BlockingResolver {
  constructor(private readonly blocking: BlockingService) {}

  @Mutation(() => Boolean, {
    description:
      'Blocks a person: they can no longer send you connection requests, referrals or introductions, and any connection or pending connection request between you ends. Always true.',
  })
  blockPerson(
    @CurrentUser() user: AuthUser,
    @Args('personId', { type: () => ID, description: 'The person to block.' }) personId: string,
  ): Promise<boolean> {
    return this.blocking.block(user, personId);
  }

  @Mutation(() => Boolean, {
    description: 'Lifts a block (a removed connection is not restored). Always true, also when there was no block.',
  })
  unblockPerson(
    @CurrentUser() user: AuthUser,
    @Args('personId', { type: () => ID, description: 'The blocked person.' }) personId: string,
  ): Promise<boolean> {
    return this.blocking.unblock(user, personId);
  }
}
