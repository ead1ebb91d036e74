import { Field, ID, InputType } from '@nestjs/graphql';
import { Trim } from '#tradegraph/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MESSAGE_MAX, PATH_MAX, PATH_MIN } from './introduction-rules.js';

@InputType({ description: 'A request to be introduced to someone through one or two intermediaries.' })
export class RequestIntroductionInput {
  @Field(() => [ID], {
    description:
      'One or two intermediaries, then the target. Each consecutive pair, starting from the caller, must be ' +
      'directly connected, in a connection the caller may see; nobody may appear twice, and the caller not at ' +
      'all. A broken link is reported by its position only (the caller is position 0).',
  })
  @IsArray()
  @ArrayMinSize(PATH_MIN, { message: 'path must list one or two intermediaries, then the target' })
  @ArrayMaxSize(PATH_MAX, { message: 'path must list one or two intermediaries, then the target' })
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  path: string[];

  @Field(() => String, { description: `Why the caller wants the introduction, 1 to ${MESSAGE_MAX} characters.` })
  @Trim()
  @IsString()
  @Length(1, MESSAGE_MAX, { message: `message must be 1 to ${MESSAGE_MAX} characters` })
  message: string;

  @Field(() => ID, { nullable: true, description: 'The supplier organization the introduction is about, if any.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  supplierId?: string | null;
}
