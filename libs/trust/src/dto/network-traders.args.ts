import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { PageArgs } from '#tradegraph/common';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class NetworkTradersArgs extends PageArgs {
  @Field(() => ID, { description: 'The supplier organization.' })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 2,
    description: 'How far into your network to look, 1 to 3 connection steps.',
  })
  @IsInt()
  @Min(1, { message: 'maxDegree must be 1 to 3' })
  @Max(3, { message: 'maxDegree must be 1 to 3' })
  maxDegree: number = 2;
}
