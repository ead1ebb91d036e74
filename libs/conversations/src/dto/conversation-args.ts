import { ArgsType, Field, Int } from '@nestjs/graphql';
import { MAX_PAGE_SIZE, PageArgs } from '#tradegraph/common';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { InquiryStatus } from '../models/inquiry-status.enum.js';

/** Arguments of `Person.conversations`. */
@ArgsType()
export class ConversationsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only the conversations with unread messages.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}

/** Arguments of `Conversation.messages`: newest first, older pages by `before`. */
@ArgsType()
export class MessagesArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: `How many messages to return, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, {
    nullable: true,
    description: 'Return the messages sent before the one with this cursor (the `endCursor` of the newer page).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string | null;
}

/** Arguments of `Organization.inquiries`. */
@ArgsType()
export class InquiriesArgs extends PageArgs {
  @Field(() => InquiryStatus, { nullable: true, description: 'Only the inquiries in this status; all when omitted.' })
  @IsOptional()
  @IsEnum(InquiryStatus)
  status?: InquiryStatus | null;
}
