import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '#tradegraph/common';
import { IsString, MaxLength } from 'class-validator';
import { MaxDegreeField } from './max-degree.field.js';

@ArgsType()
export class NetworkTradersArgs extends PageArgs {
  @Field(() => ID, { description: 'The supplier organization.' })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @MaxDegreeField()
  maxDegree: number = 2;
}
