import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_MAX } from '../network-rules.js';

/** Arguments of requestConnection. */
@ArgsType()
export class RequestConnectionArgs {
  @Field(() => ID, { description: 'The person to connect with; not oneself.' })
  @IsString()
  @MaxLength(100)
  personId: string;

  @Field(() => String, {
    nullable: true,
    description: `An optional note to the recipient, at most ${MESSAGE_MAX} characters.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MESSAGE_MAX, { message: `message must be at most ${MESSAGE_MAX} characters` })
  message?: string | null;
}
