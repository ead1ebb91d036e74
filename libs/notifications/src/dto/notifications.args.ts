import { ArgsType, Field } from '@nestjs/graphql';
import { PageArgs } from '#tradegraph/common';
import { IsBoolean } from 'class-validator';

/** Arguments of `notifications`. */
@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only the notifications not yet marked read.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}
