import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const FEEDBACK_COMMENT_MAX = 2000;

/** Each score is a whole number from 1 to 5; `$property` makes the message name the score at fault. */
const SCORE_MESSAGE = `$property must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`;
const Score = () =>
  applyDecorators(
    IsInt({ message: SCORE_MESSAGE }),
    Min(SCORE_MIN, { message: SCORE_MESSAGE }),
    Max(SCORE_MAX, { message: SCORE_MESSAGE }),
  );

@InputType({ description: 'Scores for a confirmed trade, left by a current member of its buyer.' })
export class LeaveFeedbackInput {
  @Field(() => ID, { description: 'The CONFIRMED trade the feedback is about.' })
  @IsString()
  @MaxLength(100)
  tradeId: string;

  @Field(() => Int, { description: `Quality of the goods or services, ${SCORE_MIN} to ${SCORE_MAX}.` })
  @Score()
  quality: number;

  @Field(() => Int, { description: `Delivery on time and as agreed, ${SCORE_MIN} to ${SCORE_MAX}.` })
  @Score()
  delivery: number;

  @Field(() => Int, { description: `Communication with the supplier, ${SCORE_MIN} to ${SCORE_MAX}.` })
  @Score()
  communication: number;

  @Field(() => String, {
    nullable: true,
    description: `Free-text remarks, at most ${FEEDBACK_COMMENT_MAX} characters; blank means none.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(FEEDBACK_COMMENT_MAX, { message: `comment must be at most ${FEEDBACK_COMMENT_MAX} characters` })
  comment?: string | null;
}
