import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_MAX } from './introduction-rules.js';

/** Arguments of respondToIntroduction. */
@ArgsType()
export class RespondToIntroductionArgs {
  @Field(() => ID, { description: 'The introduction to decide on.' })
  @IsString()
  @MaxLength(100)
  introductionId: string;

  @Field({ description: 'True to pass it on (or, as the target, accept it); false to decline and end it.' })
  @IsBoolean()
  accept: boolean;

  @Field(() => String, {
    nullable: true,
    description: `An optional note on the decision, at most ${MESSAGE_MAX} characters; blank means none.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MESSAGE_MAX, { message: `note must be at most ${MESSAGE_MAX} characters` })
  note?: string | null;
}
