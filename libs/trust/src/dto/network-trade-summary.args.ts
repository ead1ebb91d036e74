import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { MaxDegreeField } from './max-degree.field.js';

@ArgsType()
export class NetworkTradeSummaryArgs {
  @Field(() => ID, { description: 'The supplier organization.' })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @MaxDegreeField()
  maxDegree: number = 2;
}
