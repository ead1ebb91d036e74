import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_MAX } from './referral-rules.js';

@InputType({ description: 'A recommendation of a supplier, in one category it supplies, to a connection.' })
export class ReferSupplierInput {
  @Field(() => ID, { description: 'The supplier organization being recommended.' })
  @IsString()
  @MaxLength(100)
  supplierId: string;

  @Field(() => ID, { description: 'The person receiving the referral; one of the caller’s direct connections.' })
  @IsString()
  @MaxLength(100)
  toPersonId: string;

  @Field(() => ID, { description: 'The category the referral is about; one the supplier supplies.' })
  @IsString()
  @MaxLength(100)
  categoryId: string;

  @Field(() => String, {
    nullable: true,
    description: `A note to the recipient, at most ${MESSAGE_MAX.toLocaleString('en')} characters; omitted, null or blank means none.`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MESSAGE_MAX, { message: `message must be at most ${MESSAGE_MAX} characters` })
  message?: string | null;
}
