import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '#tradegraph/common';
import { IsString, MaxLength } from 'class-validator';

/** Arguments of mutualConnections: the other person and a page. */
@ArgsType()
export class MutualConnectionsArgs extends PageArgs {
  @Field(() => ID, { description: 'The person whose connections are compared with the viewer’s.' })
  @IsString()
  @MaxLength(100)
  personId: string;
}
