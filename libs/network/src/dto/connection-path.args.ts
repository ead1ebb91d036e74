import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PATH_DEPTH } from '../network-rules.js';

/** Arguments of connectionPath. */
@ArgsType()
export class ConnectionPathArgs {
  @Field(() => ID, { description: 'The person to reach.' })
  @IsString()
  @MaxLength(100)
  toPersonId: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: MAX_PATH_DEPTH,
    description: `Longest path to look for, 1 to ${MAX_PATH_DEPTH} connections.`,
  })
  @IsInt({ message: `maxDepth must be 1 to ${MAX_PATH_DEPTH}` })
  @Min(1, { message: `maxDepth must be 1 to ${MAX_PATH_DEPTH}` })
  @Max(MAX_PATH_DEPTH, { message: `maxDepth must be 1 to ${MAX_PATH_DEPTH}` })
  maxDepth: number = MAX_PATH_DEPTH;
}
